import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionSlot } from '../core/auth/session';
import { portalSessionSlot } from '../core/portal-sessions/portal-slot';
import type { PortierCore } from '../core/portier-core';
import type { PortalChannelName, PortalInputOf, PortalOutputOf } from '../../shared/portal-api';
import { AppError } from '../../shared/errors';

/** What the portal keeps for one request: the core's slot for it and the session cookie it came with. */
export interface PortalRequestState {
  slot: SessionSlot;
  cookieToken: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    portalState: PortalRequestState;
  }
}

/** A cookie value that could be a session token (base64url, 43 characters); anything else is no session. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function requestState(request: FastifyRequest, cookieName: string): PortalRequestState {
  const raw = request.cookies[cookieName];
  const token = typeof raw === 'string' && TOKEN_SHAPE.test(raw) ? raw : null;
  const userAgent = String(request.headers['user-agent'] ?? '').slice(0, 300);
  return { slot: portalSessionSlot({ token, clientAddress: request.ip, userAgent }), cookieToken: token };
}

/** Writes, or clears, the session cookie when the core started or ended a session during the request. */
export function syncSessionCookie(reply: FastifyReply, state: PortalRequestState, cookie: { name: string; options: Record<string, unknown> }): void {
  const token = state.slot.portal?.token ?? null;
  if (token === state.cookieToken) return;
  if (token === null) reply.clearCookie(cookie.name, cookie.options);
  else reply.setCookie(cookie.name, token, cookie.options);
}

/** A typed call into the core's portal dispatcher for this request; an error comes back as the AppError. */
export async function portalCall<C extends PortalChannelName>(
  core: Pick<PortierCore, 'portal'>,
  request: FastifyRequest,
  channel: C,
  input: PortalInputOf<C>,
): Promise<PortalOutputOf<C>> {
  const result = await core.portal(request.portalState.slot, channel, input);
  if (!result.ok) throw AppError.fromPayload(result.error);
  return result.value as PortalOutputOf<C>;
}
