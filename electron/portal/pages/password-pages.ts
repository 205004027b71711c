import type { FastifyInstance } from 'fastify';
import type { PortalKit } from '../portal-kit';
import { registerPortalScripts } from '../portal-scripts';
import { registerForgotPasswordPage } from './forgot-password-page';
import { registerLinkPages } from './link-pages';
import { registerPasswordChangeGate, registerPasswordChangePage } from './password-change-page';

/**
 * Everything about passwords: the activation and set-password links' pages, "forgot password",
 * "change password" (and the required change staff may ask for, which applies to every page),
 * and the live-feedback script these forms load.
 */
export function registerPasswordPages(app: FastifyInstance, kit: PortalKit): void {
  registerPortalScripts(app);
  registerLinkPages(app, kit);
  registerForgotPasswordPage(app, kit);
  registerPasswordChangePage(app, kit);
  registerPasswordChangeGate(app, kit);
}
