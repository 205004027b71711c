/**
 * The SMTP side of the outbox in a thread of its own: it builds and sends the MIME
 * messages (the CPU-heavy part of mailing) while the main thread keeps working the
 * database, e.g. issuing a bulk activation. It holds no database and no key: it gets
 * composed mails and answers with the outcome.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pooledSender } from './mail-sender';
import type { SenderReply, SenderRequest, SenderThreadData } from './sender-thread-protocol';

const port = parentPort;
if (!port) throw new Error('sender-thread runs as a worker thread');
const sender = pooledSender((workerData as SenderThreadData).conn);

port.on('message', (request: SenderRequest) => {
  if (request.kind === 'close') {
    sender.close();
    port.close();
    return;
  }
  sender.send(request.message).then(
    () => port.postMessage({ id: request.id, ok: true } satisfies SenderReply),
    (error: unknown) => {
      const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
      const pick = (key: string) => (typeof e[key] === 'string' || typeof e[key] === 'number' ? e[key] : undefined);
      port.postMessage({
        id: request.id,
        ok: false,
        error: { message: typeof e.message === 'string' ? e.message : String(error), code: pick('code'), responseCode: pick('responseCode'), response: pick('response'), command: pick('command') },
      } satisfies SenderReply);
    },
  );
});
