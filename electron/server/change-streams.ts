import type { ServerResponse } from 'node:http';
import type { Domain } from '../../shared/contract';
import { CHANGED_EVENT } from '../../shared/data-changes';

export interface ChangeStreamOptions {
  /** Streams one session may hold open; a further one ends the oldest (a reloaded tab's old stream may linger). */
  maxPerSession: number;
  /** How often a comment line keeps idle streams (and anything between) from timing out, and ended sessions are noticed. */
  heartbeatMs: number;
  /** Whether the session that opened a stream is still signed in (sign-out, another sign-in, the session forgotten). */
  isSignedIn(sessionId: string): boolean;
}

/**
 * Browser mode's Server-Sent Events streams, by the session id of the signed-in tab that opened
 * them: each is told the domains that changed (event CHANGED_EVENT, data a JSON array), and
 * ended when its session ends or the server stops. Only domain names travel, never data.
 */
export class ChangeStreams {
  readonly #bySession = new Map<string, Set<ServerResponse>>();
  #heartbeat: NodeJS.Timeout | null = null;

  constructor(private readonly options: ChangeStreamOptions) {}

  /** Answers the request with a stream for this (signed-in) session. */
  open(sessionId: string, res: ServerResponse): void {
    let streams = this.#bySession.get(sessionId);
    if (!streams) {
      streams = new Set();
      this.#bySession.set(sessionId, streams);
    }
    // A Set keeps insertion order: the first is the oldest.
    while (streams.size >= this.options.maxPerSession) {
      const oldest = streams.values().next().value;
      if (!oldest) break;
      this.#end(sessionId, oldest);
    }
    streams.add(res);
    res.on('close', () => this.#forget(sessionId, res));
    res.socket?.setNoDelay(true);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    // The first bytes tell the tab the stream is up (its fetch resolves on them).
    res.write(': open\n\n');
    this.#startHeartbeat();
  }

  /** Tells every stream of a still signed-in session which domains changed; ends the others. */
  tell(domains: readonly Domain[]): void {
    if (domains.length === 0) return;
    const event = `event: ${CHANGED_EVENT}\ndata: ${JSON.stringify(domains)}\n\n`;
    this.#each((res) => res.write(event));
  }

  /** Ends the streams of a session that has ended (sign-out, or a new id issued for the tab). */
  endSession(sessionId: string): void {
    for (const res of [...(this.#bySession.get(sessionId) ?? [])]) this.#end(sessionId, res);
  }

  /** Ends every stream (the server stops). */
  endAll(): void {
    for (const sessionId of [...this.#bySession.keys()]) this.endSession(sessionId);
  }

  /** Open streams (all sessions). */
  get size(): number {
    let size = 0;
    for (const streams of this.#bySession.values()) size += streams.size;
    return size;
  }

  #each(write: (res: ServerResponse) => void): void {
    for (const [sessionId, streams] of [...this.#bySession]) {
      if (!this.options.isSignedIn(sessionId)) {
        this.endSession(sessionId);
        continue;
      }
      for (const res of streams) write(res);
    }
  }

  #end(sessionId: string, res: ServerResponse): void {
    this.#forget(sessionId, res);
    res.end();
  }

  #forget(sessionId: string, res: ServerResponse): void {
    const streams = this.#bySession.get(sessionId);
    if (!streams?.delete(res)) return;
    if (streams.size === 0) this.#bySession.delete(sessionId);
    if (this.#bySession.size === 0 && this.#heartbeat) {
      clearInterval(this.#heartbeat);
      this.#heartbeat = null;
    }
  }

  #startHeartbeat(): void {
    if (this.#heartbeat) return;
    this.#heartbeat = setInterval(() => this.#each((res) => res.write(': heartbeat\n\n')), this.options.heartbeatMs);
    this.#heartbeat.unref();
  }
}
