import { afterEach, describe, expect, it } from 'vitest';
import { newSessionSlot } from '../../electron/core/auth/session';
import { FAILURE_MEMORY_MS, FREE_ATTEMPTS } from '../../electron/core/auth/sign-in-throttle';
import { ADMIN, startTestCore, type TestCore } from '../support/core';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const ATTEMPTS = 40;

async function outcomes(t: TestCore, email: string, parallel: boolean): Promise<Record<string, number>> {
  const attempt = async () => {
    const result = await t.core.invoke(newSessionSlot(), 'session:sign-in', { email, password: 'wrong-password-1' });
    return result.ok ? 'ok' : result.error.code;
  };
  const codes: string[] = [];
  if (parallel) codes.push(...(await Promise.all(Array.from({ length: ATTEMPTS }, attempt))));
  else for (let i = 0; i < ATTEMPTS; i++) codes.push(await attempt());
  const counts: Record<string, number> = {};
  for (const code of codes) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}

const counter = async (t: TestCore, key: string) =>
  (await t.core.deps.db.selectFrom('sign_in_failure').select('failures').where('email_key', '=', key).executeTakeFirst())?.failures;

describe('sign-in throttle under parallel requests', () => {
  it('answers 40 parallel wrong passwords exactly like 40 sequential ones, through the dispatcher', async () => {
    const now = new Date('2026-03-01T09:00:00Z');
    t = await startTestCore({ clock: () => now });
    const sequential = await outcomes(t, 'ghost@example.com', false);
    const sequentialCounter = await counter(t, 'ghost@example.com');
    const parallel = await outcomes(t, ADMIN.email, true);
    expect(sequential).toEqual({ INVALID_CREDENTIALS: FREE_ATTEMPTS, RATE_LIMITED: ATTEMPTS - FREE_ATTEMPTS });
    expect(parallel).toEqual(sequential);
    expect(await counter(t, ADMIN.email)).toBe(sequentialCounter);
    expect(sequentialCounter).toBe(FREE_ATTEMPTS);
  });
});

describe('sign-in failure counters', () => {
  it('forgets counters of unknown emails once their window has passed', async () => {
    let now = new Date('2026-03-01T09:00:00Z');
    t = await startTestCore({ clock: () => now });
    for (let i = 0; i < 3; i++) await t.core.invoke(newSessionSlot(), 'session:sign-in', { email: `guess-${i}@example.com`, password: 'wrong-password-1' });
    expect(await t.core.deps.db.selectFrom('sign_in_failure').select('email_key').execute()).toHaveLength(3);
    now = new Date(now.getTime() + FAILURE_MEMORY_MS - 1000);
    await t.core.invoke(newSessionSlot(), 'session:sign-in', { email: 'late@example.com', password: 'wrong-password-1' });
    expect(await t.core.deps.db.selectFrom('sign_in_failure').select('email_key').execute()).toHaveLength(4);
    now = new Date(now.getTime() + 2000);
    await t.core.invoke(newSessionSlot(), 'session:sign-in', { email: ADMIN.email, password: ADMIN.password });
    const left = await t.core.deps.db.selectFrom('sign_in_failure').select('email_key').orderBy('email_key').execute();
    expect(left.map((r) => r.email_key)).toEqual(['late@example.com']);
  });

  it('starts a counter afresh once its window has passed', async () => {
    let now = new Date('2026-03-01T09:00:00Z');
    t = await startTestCore({ clock: () => now });
    const attempt = () => t!.core.invoke(newSessionSlot(), 'session:sign-in', { email: 'ghost@example.com', password: 'wrong-password-1' });
    for (let i = 0; i < FREE_ATTEMPTS; i++) await attempt();
    expect(await counter(t, 'ghost@example.com')).toBe(FREE_ATTEMPTS);
    now = new Date(now.getTime() + FAILURE_MEMORY_MS + 1000);
    const fresh = await attempt();
    expect(fresh.ok ? 'ok' : fresh.error.code).toBe('INVALID_CREDENTIALS');
    expect(await counter(t, 'ghost@example.com')).toBe(1);
  });
});
