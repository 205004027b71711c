import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderPreviewInThread, stopTemplateThreads, templateThreadScript } from '../../electron/core/templates/preview-thread';
import { databaseFingerprint, errorOf, startTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore({ clock: () => new Date('2026-11-01T10:00:00.000Z') });
});
afterEach(async () => {
  await t.close();
});
afterAll(() => stopTemplateThreads());

/** Nine million turns: liquidjs alone would hold a thread for its whole render limit. */
const HUGE_LOOP = {
  type: 'activation',
  language: 'en',
  subject: 'Your account',
  html: '<p>{% for i in (1..3000) %}{% for j in (1..3000) %}x{% endfor %}{% endfor %} {{ link }} {{ expires_at }}</p>',
} as const;

/** The longest the main thread went without running a 5 ms timer while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<{ stallMs: number; ticks: number }> {
  let last = performance.now();
  let stallMs = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
    ticks += 1;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return { stallMs: Math.max(stallMs, performance.now() - last), ticks };
}

describe('template preview in its own thread', () => {
  it('stops a template with a huge loop with a field error, while the main thread keeps running timers', async () => {
    let error: Awaited<ReturnType<typeof errorOf>> | undefined;
    const { stallMs, ticks } = await longestStall(async () => {
      error = await errorOf(t.call('mail-templates:preview', HUGE_LOOP));
    });
    expect(error?.code).toBe('VALIDATION');
    expect(error?.fields).toEqual({ html: { code: 'template_too_slow' } });
    // Rendered on the main thread, the loop held it for a second or more.
    expect(ticks).toBeGreaterThan(20);
    expect(stallMs).toBeLessThan(300);
    // The thread is there for the next preview.
    expect((await t.call('mail-templates:preview', { ...HUGE_LOOP, html: '<p>{{ link }} {{ expires_at }}</p>' })).html).toContain('sample-token');
  }, 30_000);

  it('refuses to save such a template, storing nothing', async () => {
    const before = await databaseFingerprint(t.core);
    const error = await errorOf(t.call('mail-templates:update', HUGE_LOOP));
    expect(error.fields).toEqual({ html: { code: 'template_too_slow' } });
    expect(await databaseFingerprint(t.core)).toBe(before);
  }, 30_000);

  it('ends the thread at the time limit, however long the render would take, and starts a new one for the next preview', async () => {
    const script = templateThreadScript(path.resolve('resources'));
    const variables = { username: 'a@example.com', name: 'A', organisation: 'B', portalUrl: 'https://portal.example.com/', companyName: 'C', link: 'https://portal.example.com/activate?token=sample-token', expiresAt: '1 December 2026' };
    // Warm: the thread's start-up (compiling under tsx) is not part of the limit.
    await renderPreviewInThread(script, { ...HUGE_LOOP, html: '<p>{{ link }} {{ expires_at }}</p>' }, variables);
    const started = performance.now();
    const slow = await errorOf(renderPreviewInThread(script, HUGE_LOOP, variables, 150));
    expect(slow.fields).toEqual({ html: { code: 'template_too_slow' } });
    // Well before liquidjs's own limit of one second: the thread was ended, not waited for.
    expect(performance.now() - started).toBeLessThan(900);
    const next = await renderPreviewInThread(script, { ...HUGE_LOOP, html: '<p>Hello {{ name }}, {{ link }} {{ expires_at }}</p>' }, variables);
    expect(next.text).toContain('Hello A');
  }, 30_000);
});
