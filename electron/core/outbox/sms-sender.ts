import type { SendVerdict } from './send-failure';
import { smsRequest, type SmsGateway } from './sms-request';

/** A bounded wait: a hung gateway must not hold a claimed message for long (its code lives 5 minutes). */
const TIMEOUT_MS = 15_000;

/** The gateway's refusal, with its HTTP status (none: the network failed). */
export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/** Hands one text message to the gateway: a POST of the filled-in template; any 2xx answer is accepted. */
export async function sendSms(gateway: SmsGateway, to: string, text: string): Promise<void> {
  const request = smsRequest(gateway, to, text);
  let response: Response;
  try {
    response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    // fetch says only "fetch failed"; why (ECONNREFUSED, a timeout, a bad port) is in its cause.
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const why = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : null;
    throw new SmsSendError(`${error instanceof Error ? error.message : String(error)}${why ? ` (${why})` : ''}`, null);
  }
  if (response.ok) {
    await response.body?.cancel();
    return;
  }
  const answer = (await response.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, 300);
  throw new SmsSendError(`HTTP ${response.status}${answer ? `: ${answer}` : ''}`, response.status);
}

/**
 * RFC 9110: 5xx answers, 408 (timeout) and 429 (too many requests) are worth another try, as is
 * a network failure; any other 4xx says the request itself is wrong and will be wrong again.
 */
export function judgeSmsError(error: unknown): SendVerdict {
  const text = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  const status = error instanceof SmsSendError ? error.status : null;
  if (status === null || status >= 500 || status === 408 || status === 429) return { kind: 'retry', error: text };
  return { kind: 'fail', error: text };
}
