import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MailSenderFactory } from './mail-sender';
import type { SenderReply, SenderRequest, SenderThreadData } from './sender-thread-protocol';

/**
 * A MailSender whose nodemailer pool runs in a worker thread (sender-thread.ts): on a
 * two-core machine the main thread issues activations while the other core builds and
 * sends the mails. `script` is the built sender-thread.cjs, or the .ts source when
 * running under tsx (the thread then registers tsx itself: Node 20 threads do not
 * inherit --import loaders).
 */
export function threadedSender(script: string): MailSenderFactory {
  return (conn) => {
    const workerData: SenderThreadData = { conn };
    const worker = script.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(script).href)}); })`, { eval: true, workerData })
      : new Worker(script, { workerData });
    // The thread keeps the process alive only while mails are in flight.
    worker.unref();
    const pending = new Map<number, { resolve: () => void; reject: (error: unknown) => void }>();
    let nextId = 1;
    let broken: Error | null = null;
    const failAll = (error: Error) => {
      broken = error;
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    };
    worker.on('message', (reply: SenderReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (pending.size === 0) worker.unref();
      if (reply.ok) p.resolve();
      else p.reject(Object.assign(new Error(reply.error.message), reply.error));
    });
    worker.on('error', (error) => failAll(error));
    worker.on('exit', (code) => failAll(new Error(`The mail sender thread stopped (exit code ${code}).`)));
    return {
      send(message) {
        // A thread that died is network trouble to the outbox: the mail is retried later.
        if (broken) return Promise.reject(broken);
        const id = nextId++;
        return new Promise<void>((resolve, reject) => {
          if (pending.size === 0) worker.ref();
          pending.set(id, { resolve, reject });
          worker.postMessage({ kind: 'send', id, message } satisfies SenderRequest);
        });
      },
      close() {
        if (!broken) worker.postMessage({ kind: 'close' } satisfies SenderRequest);
        broken ??= new Error('The mail sender was closed.');
      },
    };
  };
}
