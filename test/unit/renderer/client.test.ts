// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call, setTransport } from '../../../renderer/src/api/client';
import { KEY_STORAGE, SESSION_STORAGE } from '../../../renderer/src/api/http-transport';
import { pickTransport } from '../../../renderer/src/api/transport';
import { INVOKE_PATH, KEY_HEADER, SESSION_HEADER, UNATTENDED_HEADER } from '../../../shared/bridge';
import { ATTENDED_FOR_MS, isAttended, watchUserActivity } from '../../../renderer/src/api/user-activity';
import { AppError } from '../../../shared/errors';

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

describe('call()', () => {
  it('returns the value of an {ok:true} answer', async () => {
    setTransport(async () => ({ ok: true, value: { needsAdministrator: true, defaultLanguage: 'nl' } }));
    await expect(call('setup:status', {})).resolves.toEqual({ needsAdministrator: true, defaultLanguage: 'nl' });
  });

  it('throws an {ok:false} answer as an AppError with its code, field errors and params', async () => {
    setTransport(async () => ({
      ok: false,
      error: { code: 'VALIDATION', message: 'Invalid input: name', fields: { name: { code: 'too_long', max: 200 } }, params: { hint: 1 } },
    }));
    const error = await call('organisations:create', { name: 'x'.repeat(300) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'VALIDATION', fields: { name: { code: 'too_long', max: 200 } }, params: { hint: 1 } });
  });
});

describe('pickTransport()', () => {
  beforeEach(() => {
    sessionStorage.clear();
    delete window.portier;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    delete window.portier;
  });

  it('uses the Electron preload bridge when window.portier exists, and never fetch', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: null }));
    window.portier = { invoke };
    const fetchSpy = vi.spyOn(window, 'fetch');
    const transport = pickTransport(window);
    await transport('session:sign-out', {});
    expect(invoke).toHaveBeenCalledWith('session:sign-out', {});
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('otherwise POSTs {channel, input} with the key (no session id before the server issued one), and strips the key from the address', async () => {
    window.history.replaceState(null, '', '/#key=s3cret-KEY_1');
    const fetchSpy = vi.spyOn(window, 'fetch').mockResolvedValue(jsonResponse(200, { ok: true, value: null }));
    const transport = pickTransport(window);

    expect(window.location.hash).not.toContain('s3cret');
    expect(window.location.href).not.toContain('key=');
    expect(sessionStorage.getItem(KEY_STORAGE)).toBe('s3cret-KEY_1');

    await expect(transport('session:current', {})).resolves.toEqual({ ok: true, value: null });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    const [url, init] = fetchSpy.mock.calls[0] ?? [];
    expect(url).toBe(INVOKE_PATH);
    expect(init?.method).toBe('POST');
    const headers = new Headers(init?.headers);
    expect(headers.get(KEY_HEADER)).toBe('s3cret-KEY_1');
    expect(headers.get(SESSION_HEADER)).toBeNull();
    expect(sessionStorage.getItem(SESSION_STORAGE)).toBeNull();
    expect(JSON.parse(String(init?.body))).toEqual({ channel: 'session:current', input: {} });
  });

  it('keeps the session id the server issued, also after a reload, and forgets it when the server says it ended', async () => {
    window.history.replaceState(null, '', '/#key=first');
    const issued = 'issued-by-server-0123456789abcdef';
    const fetchSpy = vi
      .spyOn(window, 'fetch')
      .mockResolvedValueOnce(jsonResponse(200, { ok: true, value: null }, { [SESSION_HEADER]: issued }))
      .mockResolvedValueOnce(jsonResponse(200, { ok: true, value: null }, { [SESSION_HEADER]: issued }))
      .mockResolvedValueOnce(jsonResponse(200, { ok: true, value: null }, { [SESSION_HEADER]: '' }))
      .mockResolvedValueOnce(jsonResponse(200, { ok: true, value: null }));
    await pickTransport(window)('session:sign-in', {});
    await pickTransport(window)('session:current', {});
    await pickTransport(window)('session:sign-out', {});
    await pickTransport(window)('session:current', {});
    const sent = fetchSpy.mock.calls.map(([, init]) => new Headers(init?.headers));
    expect(sent.map((h) => h.get(KEY_HEADER))).toEqual(['first', 'first', 'first', 'first']);
    expect(sent.map((h) => h.get(SESSION_HEADER))).toEqual([null, issued, issued, null]);
  });

  it('when the server no longer knows the session id, drops it and asks once more without it', async () => {
    window.history.replaceState(null, '', '/#key=k');
    sessionStorage.setItem(SESSION_STORAGE, 'forgotten-after-restart-0123456789');
    const ended = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'ended', params: { transport: 'session' } } };
    const fetchSpy = vi
      .spyOn(window, 'fetch')
      .mockResolvedValueOnce(jsonResponse(401, ended))
      .mockResolvedValueOnce(jsonResponse(200, { ok: true, value: null }));
    await expect(pickTransport(window)('session:current', {})).resolves.toEqual({ ok: true, value: null });
    const sent = fetchSpy.mock.calls.map(([, init]) => new Headers(init?.headers).get(SESSION_HEADER));
    expect(sent).toEqual(['forgotten-after-restart-0123456789', null]);
    expect(sessionStorage.getItem(SESSION_STORAGE)).toBeNull();
  });

  it('reads the Result in the body of a 4xx answer', async () => {
    window.history.replaceState(null, '', '/#key=k');
    const refused = { ok: false, error: { code: 'INVALID_CREDENTIALS', message: 'no' } };
    vi.spyOn(window, 'fetch').mockResolvedValue(jsonResponse(401, refused));
    setTransport(pickTransport(window));
    await expect(call('session:sign-in', { email: 'a@b.c', password: 'x' })).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('turns a body that is not a Result, and a network failure, into errors the UI can name', async () => {
    window.history.replaceState(null, '', '/#key=k');
    const fetchSpy = vi.spyOn(window, 'fetch').mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502 }));
    const transport = pickTransport(window);
    await expect(transport('session:current', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL', params: { transport: 'network' } } });
    fetchSpy.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(transport('session:current', {})).resolves.toMatchObject({ ok: false, error: { params: { transport: 'network' } } });
  });

  it('without any key does not send the request at all', async () => {
    window.history.replaceState(null, '', '/');
    const fetchSpy = vi.spyOn(window, 'fetch');
    const answer = await pickTransport(window)('setup:status', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', params: { transport: 'key' } } });
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('calls made while the user is away (they must not keep the sign-in alive)', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    delete window.portier;
  });

  it('counts a call as the user’s within a minute of a key, click, touch or scroll, and as unattended after', () => {
    vi.useFakeTimers({ now: new Date('2026-03-02T08:00:00Z') });
    const stop = watchUserActivity(window);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    expect(isAttended()).toBe(true);
    vi.setSystemTime(Date.now() + ATTENDED_FOR_MS + 1);
    expect(isAttended()).toBe(false);
    window.dispatchEvent(new Event('pointerdown'));
    expect(isAttended()).toBe(true);
    stop();
    vi.setSystemTime(Date.now() + ATTENDED_FOR_MS + 1);
    window.dispatchEvent(new Event('pointerdown'));
    expect(isAttended()).toBe(false);
  });

  it('call() marks the screen’s own calls unattended, over the preload and over HTTP (x-portier-unattended: 1)', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-02T08:00:00Z') });
    const stop = watchUserActivity(window);
    window.dispatchEvent(new Event('wheel'));
    const invoke = vi.fn(async () => ({ ok: true as const, value: null }));
    window.portier = { invoke };
    setTransport(pickTransport(window));
    await call('session:current', {});
    expect(invoke).toHaveBeenLastCalledWith('session:current', {});
    vi.setSystemTime(Date.now() + ATTENDED_FOR_MS + 1);
    await call('session:current', {});
    expect(invoke).toHaveBeenLastCalledWith('session:current', {}, { unattended: true });

    delete window.portier;
    sessionStorage.clear();
    window.history.replaceState(null, '', '/#key=s3cret-KEY_1');
    const fetchSpy = vi.spyOn(window, 'fetch').mockImplementation(async () => jsonResponse(200, { ok: true, value: null }));
    setTransport(pickTransport(window));
    await call('session:current', {});
    const headersOf = (n: number) => new Headers((fetchSpy.mock.calls[n]?.[1] as RequestInit | undefined)?.headers);
    expect(headersOf(0).get(UNATTENDED_HEADER)).toBe('1');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
    await call('session:current', {});
    expect(headersOf(1).get(UNATTENDED_HEADER)).toBeNull();
    stop();
  });
});
