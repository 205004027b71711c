/**
 * Template previews in a thread of their own: an administrator's template may loop for a
 * long time, and the main process (every screen's calls, the outbox) must not wait for it.
 * The thread holds no database and no key: it gets a draft with sample values and answers
 * with the preview or the refusal; the main side ends it when it takes too long.
 */
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../../shared/errors';
import { renderPreview } from './template-preview';
import type { PreviewRequest, TemplateThreadMessage } from './template-thread-protocol';

const port = parentPort;
if (!port) throw new Error('template-thread runs as a worker thread');

port.on('message', (request: PreviewRequest) => {
  let reply: TemplateThreadMessage;
  try {
    reply = { kind: 'done', id: request.id, ok: true, preview: renderPreview(request.draft, request.variables) };
  } catch (error) {
    const payload = isAppError(error) ? error.toPayload() : { code: 'INTERNAL' as const, message: error instanceof Error ? error.message : String(error) };
    reply = { kind: 'done', id: request.id, ok: false, error: payload };
  }
  port.postMessage(reply);
});
port.postMessage({ kind: 'ready' } satisfies TemplateThreadMessage);
