import path from 'node:path';
import { projectRoot } from './project-root';

/* What the commands that serve (serve, portal) share: running until stopped, logging, the built threads. */

/**
 * Resolves on the first SIGINT/SIGTERM. Later signals are ignored (Ctrl+C in
 * a terminal reaches both `npm start` and this process, which forwards it), but
 * a close that hangs for 5 s ends the process anyway.
 */
export function untilStopped(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      setTimeout(() => process.exit(1), 5_000).unref();
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** The client only sees INTERNAL; the person who started the server sees what broke. */
export function logInternalError(where: string, error: unknown): void {
  const detail = process.env.PORTIER_DEBUG === '1' && error instanceof Error ? error.stack : String(error instanceof Error ? error.message : error);
  console.error(`portier: internal error in ${where}: ${detail}`);
}

/** The template preview thread: built next to the app (npm start), or its source (the core's default) under tsx. */
export function templateThreadScript(): string | undefined {
  return import.meta.url.endsWith('.ts') ? undefined : path.join(projectRoot(), 'dist', 'main', 'template-thread.cjs');
}

/** The outbox's SMTP thread: built next to the app (npm start), or its source when this runs under tsx. */
export function senderThreadScript(): string {
  return import.meta.url.endsWith('.ts')
    ? path.join(projectRoot(), 'electron', 'core', 'outbox', 'sender-thread.ts')
    : path.join(projectRoot(), 'dist', 'main', 'sender-thread.cjs');
}
