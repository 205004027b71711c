import { describe, expect, it } from 'vitest';
import { judgeSendError, retryDelayMs } from '../../electron/core/outbox/send-failure';

describe('judging a send error', () => {
  const smtpError = (responseCode: number, code = 'EENVELOPE') => Object.assign(new Error('refused'), { responseCode, code, response: `${responseCode} refused` });

  it('retries 4xx replies and network errors, fails 5xx and authentication at once', () => {
    expect(judgeSendError(smtpError(451)).kind).toBe('retry');
    expect(judgeSendError(smtpError(421, 'EPROTOCOL')).kind).toBe('retry');
    expect(judgeSendError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' })).kind).toBe('retry');
    expect(judgeSendError(Object.assign(new Error('Timeout'), { code: 'ETIMEDOUT' })).kind).toBe('retry');
    expect(judgeSendError(smtpError(550))).toEqual({ kind: 'fail', error: '550 refused' });
    expect(judgeSendError(Object.assign(new Error('Invalid login'), { code: 'EAUTH', responseCode: 454 })).kind).toBe('fail');
  });

  it('backs off exponentially with jitter, up to a cap', () => {
    const backoff = { baseMs: 1000, maxMs: 10_000 };
    expect(retryDelayMs(1, backoff, () => 0)).toBe(500);
    expect(retryDelayMs(1, backoff, () => 1)).toBe(1000);
    expect(retryDelayMs(3, backoff, () => 1)).toBe(4000);
    expect(retryDelayMs(10, backoff, () => 1)).toBe(10_000);
    expect(retryDelayMs(10, backoff, () => 0)).toBe(5000);
  });
});
