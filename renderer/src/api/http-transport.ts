import { INVOKE_PATH, KEY_FRAGMENT, KEY_HEADER, SESSION_HEADER } from '../../../shared/bridge';
import type { ErrorPayload } from '../../../shared/errors';
import type { Result } from '../../../shared/result';
import type { Transport } from './transport';

/** What the HTTP bridge needs from the page; injected so tests can drive it without a real browser. */
export interface HttpTransportEnv {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  fetch: typeof fetch;
  randomId: () => string;
}

export const KEY_STORAGE = 'portier.key';
export const SESSION_STORAGE = 'portier.session';

/**
 * Takes the per-launch secret out of `#key=SECRET`. It is kept in sessionStorage so a
 * reload still works, and removed from the address bar so it is not bookmarked,
 * shared in a screenshot or kept in the history.
 */
export function takeKeyFromUrl(env: Pick<HttpTransportEnv, 'location' | 'history' | 'storage'>): string | null {
  const fragment = env.location.hash.replace(/^#/, '');
  const params = new URLSearchParams(fragment);
  const key = params.get(KEY_FRAGMENT);
  if (key) {
    env.storage.setItem(KEY_STORAGE, key);
    env.history.replaceState(env.history.state, '', `${env.location.pathname}${env.location.search}#/`);
    return key;
  }
  return env.storage.getItem(KEY_STORAGE);
}

function sessionId(env: HttpTransportEnv): string {
  const existing = env.storage.getItem(SESSION_STORAGE);
  if (existing) return existing;
  const id = env.randomId();
  env.storage.setItem(SESSION_STORAGE, id);
  return id;
}

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const candidate = body as { ok: unknown; error?: { code?: unknown } };
  if (candidate.ok === true) return 'value' in body;
  return candidate.ok === false && typeof candidate.error?.code === 'string';
}

const failure = (error: ErrorPayload): Result<never> => ({ ok: false, error });

/** The loopback HTTP bridge of browser mode: POST {channel, input}, answer is a Result even for 4xx. */
export function createHttpTransport(env: HttpTransportEnv): Transport {
  const key = takeKeyFromUrl(env);
  const session = sessionId(env);
  return async (channel, input) => {
    if (!key) {
      return failure({ code: 'FORBIDDEN', message: 'This page was opened without the key Portier printed.', params: { transport: 'key' } });
    }
    let response: Response;
    try {
      response = await env.fetch(INVOKE_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [KEY_HEADER]: key, [SESSION_HEADER]: session },
        body: JSON.stringify({ channel, input }),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      return failure({ code: 'INTERNAL', message: 'Portier cannot be reached.', params: { transport: 'network' } });
    }
    const body: unknown = await response.json().catch(() => null);
    if (isResult(body)) return body;
    if (response.status === 401 || response.status === 403) {
      return failure({ code: 'FORBIDDEN', message: `Refused with HTTP ${response.status}.`, params: { transport: 'key' } });
    }
    return failure({ code: 'INTERNAL', message: `Unexpected answer (HTTP ${response.status}).`, params: { transport: 'network' } });
  };
}
