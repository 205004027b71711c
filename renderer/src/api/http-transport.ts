import { INVOKE_PATH, KEY_FRAGMENT, KEY_HEADER, SESSION_HEADER, UNATTENDED_HEADER } from '../../../shared/bridge';
import type { ErrorPayload } from '../../../shared/errors';
import type { Result } from '../../../shared/result';
import type { CallNature } from '../../../shared/bridge';
import type { Transport } from './transport';

/** What the HTTP bridge needs from the page; injected so tests can drive it without a real browser. */
export interface HttpTransportEnv {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  fetch: typeof fetch;
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

/**
 * The server issues the tab's session id when it signs in and says when it ended (an
 * empty value). Only the id this call was sent with may be replaced or forgotten: an
 * answer to an older call must not undo a newer sign-in.
 */
function keepSessionId(env: HttpTransportEnv, sent: string | null, answered: string | null): void {
  if (answered === null) return;
  const current = env.storage.getItem(SESSION_STORAGE);
  if (answered !== '' && answered !== current && (current === sent || sent === null)) env.storage.setItem(SESSION_STORAGE, answered);
  if (answered === '' && current === sent && sent !== null) env.storage.removeItem(SESSION_STORAGE);
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
  const send = async (channel: string, input: unknown, retried: boolean, nature?: CallNature): Promise<Result<unknown>> => {
    if (!key) {
      return failure({ code: 'FORBIDDEN', message: 'This page was opened without the key Portier printed.', params: { transport: 'key' } });
    }
    const session = env.storage.getItem(SESSION_STORAGE);
    let response: Response;
    try {
      response = await env.fetch(INVOKE_PATH, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [KEY_HEADER]: key,
          ...(session ? { [SESSION_HEADER]: session } : {}),
          ...(nature?.unattended ? { [UNATTENDED_HEADER]: '1' } : {}),
        },
        body: JSON.stringify({ channel, input }),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      return failure({ code: 'INTERNAL', message: 'Portier cannot be reached.', params: { transport: 'network' } });
    }
    keepSessionId(env, session, response.headers.get(SESSION_HEADER));
    const body: unknown = await response.json().catch(() => null);
    if (isResult(body)) {
      // The server forgot this tab's session (restart, idle, signed out elsewhere): carry on signed out.
      if (!body.ok && body.error.params?.transport === 'session' && !retried) {
        if (env.storage.getItem(SESSION_STORAGE) === session) env.storage.removeItem(SESSION_STORAGE);
        return send(channel, input, true, nature);
      }
      return body;
    }
    if (response.status === 401 || response.status === 403) {
      return failure({ code: 'FORBIDDEN', message: `Refused with HTTP ${response.status}.`, params: { transport: 'key' } });
    }
    return failure({ code: 'INTERNAL', message: `Unexpected answer (HTTP ${response.status}).`, params: { transport: 'network' } });
  };
  return (channel, input, nature) => send(channel, input, false, nature);
}
