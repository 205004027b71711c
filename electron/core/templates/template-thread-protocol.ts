import type { MailPreview, MailTemplateDraft } from '../../../shared/api/mail-templates';
import type { ErrorPayload } from '../../../shared/errors';
import type { MailVariables } from './template-port';

export interface PreviewRequest {
  id: number;
  draft: MailTemplateDraft;
  variables: MailVariables;
}

/** The thread says 'ready' once its modules are loaded, so loading never counts against a preview's time. */
export type TemplateThreadMessage = { kind: 'ready' } | { kind: 'done'; id: number; ok: true; preview: MailPreview } | { kind: 'done'; id: number; ok: false; error: ErrorPayload };
