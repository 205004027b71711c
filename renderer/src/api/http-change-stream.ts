import { KEY_HEADER, SESSION_HEADER } from '../../../shared/bridge';
import type { Domain } from '../../../shared/contract';
import { CHANGED_EVENT, CHANGES_PATH, DOMAINS, knownDomains } from '../../../shared/data-changes';
import type { DataChangeSource } from './data-changes';
import { KEY_STORAGE, SESSION_STORAGE, type HttpTransportEnv } from './http-transport';

/** The first wait before opening the stream again after it broke; doubled each time up to the last. */
const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;

/** One Server-Sent Event: its name (default "message") and its data lines joined. */
export interface StreamEvent {
  event: string;
  data: string;
}

/**
 * Splits Server-Sent Events text as it arrives (in chunks cut anywhere) into events:
 * comment lines (":" first, the heartbeats) and fields other than event/data are skipped.
 */
export function eventStreamParser(): (chunk: string) => StreamEvent[] {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  return (chunk) => {
    buffer += chunk;
    const events: StreamEvent[] = [];
    // A CR at the end may be the first half of a CRLF: it waits for the next chunk.
    const held = buffer.endsWith('\r') ? '\r' : '';
    const lines = buffer.slice(0, buffer.length - held.length).split(/\r\n|\r|\n/);
    // The last piece may be half a line: keep it for the next chunk.
    buffer = (lines.pop() ?? '') + held;
    for (const line of lines) {
      if (line === '') {
        if (data.length > 0) events.push({ event: event || 'message', data: data.join('\n') });
        event = '';
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    return events;
  };
}

function domainsOf(event: StreamEvent): Domain[] {
  if (event.event !== CHANGED_EVENT) return [];
  try {
    return knownDomains(JSON.parse(event.data));
  } catch {
    return [];
  }
}

/**
 * Browser mode's change source: the signed-in tab's stream (GET CHANGES_PATH) with the key and
 * the session id the HTTP transport keeps. A fetch, not EventSource, because only a fetch sends
 * those headers. A broken stream is opened again with backoff, and then every domain counts as
 * changed (what changed meanwhile was never told); a refused one (401: the session ended) is
 * left closed: the next sign-in subscribes again.
 */
export function createHttpChangeSource(env: Pick<HttpTransportEnv, 'storage' | 'fetch'>, retry = { firstMs: FIRST_RETRY_MS, lastMs: LAST_RETRY_MS }): DataChangeSource {
  return (onChange) => {
    let stopped = false;
    let missed = false;
    let delay = retry.firstMs;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const aborter = new AbortController();

    const again = () => {
      if (stopped) return;
      missed = true;
      timer = setTimeout(() => void connect(), delay);
      delay = Math.min(delay * 2, retry.lastMs);
    };

    const connect = async () => {
      timer = null;
      const key = env.storage.getItem(KEY_STORAGE);
      const session = env.storage.getItem(SESSION_STORAGE);
      if (stopped || !key || !session) return;
      let response: Response;
      try {
        response = await env.fetch(CHANGES_PATH, {
          method: 'GET',
          headers: { accept: 'text/event-stream', [KEY_HEADER]: key, [SESSION_HEADER]: session },
          cache: 'no-store',
          credentials: 'omit',
          signal: aborter.signal,
        });
      } catch {
        return again();
      }
      if (response.status === 401 || response.status === 403) return void response.body?.cancel().catch(() => undefined);
      if (!response.ok || !response.body) return again();
      delay = retry.firstMs;
      if (missed) onChange(DOMAINS);
      missed = false;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parse = eventStreamParser();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          for (const event of parse(value)) {
            const domains = domainsOf(event);
            if (domains.length > 0) onChange(domains);
          }
        }
      } catch {
        // Broken off (network, server stopped, or stopped here): opened again below unless stopped.
      }
      again();
    };

    void connect();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      aborter.abort();
    };
  };
}
