import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MailPreview, MailTemplateDraft } from '../../../shared/api/mail-templates';
import { AppError } from '../../../shared/errors';
import { tooSlow } from './template-preview';
import type { MailVariables } from './template-port';
import type { PreviewRequest, TemplateThreadMessage } from './template-thread-protocol';

/** How long one preview (both of its renders) may take before the thread is ended. */
export const PREVIEW_TIME_LIMIT_MS = 2_500;
/** Loading the thread's modules (under tsx: compiling them) is not the template's fault, but is bounded too. */
const START_LIMIT_MS = 60_000;

/**
 * The template thread's script: the one the shell names (the built template-thread.cjs),
 * else the source next to this file's source, run under tsx (tests, `npm run portier`).
 * `resourcesDir` is the project's resources folder, so its parent is the project root.
 */
export function templateThreadScript(resourcesDir: string, named?: string): string {
  return named ?? path.join(path.dirname(resourcesDir), 'electron', 'core', 'templates', 'template-thread.ts');
}

function startThread(script: string): Worker {
  // Node 20 threads do not inherit --import loaders, so a .ts thread registers tsx itself.
  return script.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(script).href)}); })`, { eval: true })
    : new Worker(script);
}

interface Thread {
  worker: Worker;
  ready: Promise<void>;
}

/** One thread per script, kept between previews (typing in the editor asks for one after another). */
const threads = new Map<string, Thread>();
/** Previews run one at a time, so each has the thread, and its time limit, to itself. */
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;

function threadFor(script: string): Thread {
  const known = threads.get(script);
  if (known) return known;
  const worker = startThread(script);
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The template thread did not start.')), START_LIMIT_MS);
    const onMessage = (message: TemplateThreadMessage) => {
      if (message.kind !== 'ready') return;
      clearTimeout(timer);
      worker.off('message', onMessage);
      resolve();
    };
    worker.on('message', onMessage);
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  const thread = { worker, ready };
  threads.set(script, thread);
  // A thread that stopped, by its own fault or ended for a slow template, is started anew next time.
  worker.once('exit', () => {
    if (threads.get(script) === thread) threads.delete(script);
  });
  worker.on('error', () => undefined);
  return thread;
}

async function renderOnce(script: string, draft: MailTemplateDraft, variables: MailVariables, limitMs: number): Promise<MailPreview> {
  const thread = threadFor(script);
  const { worker } = thread;
  worker.ref();
  try {
    await thread.ready.catch((error: unknown) => {
      threads.delete(script);
      void worker.terminate();
      throw error;
    });
    const id = nextId++;
    return await new Promise<MailPreview>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
      };
      const timer = setTimeout(() => {
        done();
        // The only way to stop a synchronous render: end the thread.
        threads.delete(script);
        void worker.terminate();
        reject(tooSlow(draft.type));
      }, limitMs);
      const onMessage = (message: TemplateThreadMessage) => {
        if (message.kind !== 'done' || message.id !== id) return;
        done();
        if (message.ok) resolve(message.preview);
        else reject(AppError.fromPayload(message.error));
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`The template thread stopped (exit code ${code}).`));
      };
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.postMessage({ id, draft, variables } satisfies PreviewRequest);
    });
  } finally {
    // An idle thread does not keep the process alive.
    worker.unref();
  }
}

/** Renders a preview in the template thread, refusing with template_too_slow after `limitMs`. */
export function renderPreviewInThread(script: string, draft: MailTemplateDraft, variables: MailVariables, limitMs = PREVIEW_TIME_LIMIT_MS): Promise<MailPreview> {
  const run = queue.then(() => renderOnce(script, draft, variables, limitMs));
  queue = run.catch(() => undefined);
  return run;
}

/** Ends every template thread (a closing core, a test's end). */
export async function stopTemplateThreads(): Promise<void> {
  const running = [...threads.values()];
  threads.clear();
  await Promise.all(running.map((t) => t.worker.terminate()));
}
