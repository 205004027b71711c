// @vitest-environment happy-dom
import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { batchChanges, pickChangeSource, refreshOnDataChanges, setChangeSource, useDataChanges, type DataChangeSource } from '../../../renderer/src/api/data-changes';
import { createHttpChangeSource, eventStreamParser } from '../../../renderer/src/api/http-change-stream';
import { KEY_STORAGE, SESSION_STORAGE } from '../../../renderer/src/api/http-transport';
import { createQueryClient } from '../../../renderer/src/api/query-client';
import { KEY_HEADER, SESSION_HEADER } from '../../../shared/bridge';
import type { Domain } from '../../../shared/contract';
import { CHANGES_PATH, DOMAINS } from '../../../shared/data-changes';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  setChangeSource(null);
  delete window.portier;
  sessionStorage.clear();
});

/** A change source the test pushes into by hand. */
function manualSource(): { source: DataChangeSource; push: (domains: Domain[]) => void; listeners: () => number } {
  const listeners = new Set<(domains: readonly Domain[]) => void>();
  return {
    source: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    push: (domains) => listeners.forEach((listener) => listener(domains)),
    listeners: () => listeners.size,
  };
}

describe('pushed changes are applied', () => {
  beforeEach(() => vi.useFakeTimers());

  it('at once when none came for 250 ms, else merged at the end of the 250 ms', () => {
    const applied: Domain[][] = [];
    const batch = batchChanges((domains) => applied.push(domains));
    batch.add(['organisations']);
    expect(applied).toEqual([['organisations']]);
    batch.add(['persons']);
    batch.add(['organisations', 'persons']);
    vi.advanceTimersByTime(100);
    batch.add(['audit']);
    expect(applied).toHaveLength(1);
    vi.advanceTimersByTime(150);
    expect(applied).toEqual([['organisations'], ['persons', 'organisations', 'audit']]);
    vi.advanceTimersByTime(1_000);
    batch.add(['staff']);
    expect(applied).toHaveLength(3);
  });

  it('never after stop()', () => {
    const applied: Domain[][] = [];
    const batch = batchChanges((domains) => applied.push(domains));
    batch.add(['organisations']);
    batch.add(['persons']);
    batch.stop();
    vi.advanceTimersByTime(1_000);
    expect(applied).toEqual([['organisations']]);
  });
});

describe('while signed in', () => {
  it('invalidates exactly the queries of the pushed domains (the mutation mapping: first key element or meta.domains)', async () => {
    const manual = manualSource();
    setChangeSource(manual.source);
    const client = createQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const fetches = { organisations: 0, persons: 0, status: 0 };
    const { unmount } = renderHook(
      () => {
        useDataChanges(1);
        useQuery({ queryKey: ['organisations', 'list', {}], queryFn: () => ++fetches.organisations });
        useQuery({ queryKey: ['persons', 'list', {}], queryFn: () => ++fetches.persons });
        useQuery({ queryKey: ['session', 'setup-status'], meta: { domains: ['staff'] }, queryFn: () => ++fetches.status });
      },
      { wrapper },
    );
    await waitFor(() => expect(fetches).toEqual({ organisations: 1, persons: 1, status: 1 }));
    manual.push(['organisations']);
    await waitFor(() => expect(fetches.organisations).toBe(2));
    // The next push lies within 250 ms: it is applied when they are up.
    manual.push(['staff']);
    await waitFor(() => expect(fetches).toEqual({ organisations: 2, persons: 1, status: 2 }));
    unmount();
    expect(manual.listeners()).toBe(0);
  });

  it('subscribes once per sign-in and not at all without a source', () => {
    const manual = manualSource();
    const client = createQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const none = renderHook(() => useDataChanges(1), { wrapper });
    none.unmount();
    setChangeSource(manual.source);
    const { rerender, unmount } = renderHook(({ id }) => useDataChanges(id), { wrapper, initialProps: { id: 1 } });
    expect(manual.listeners()).toBe(1);
    rerender({ id: 2 });
    expect(manual.listeners()).toBe(1);
    unmount();
    expect(manual.listeners()).toBe(0);
  });

  it('stops invalidating after the stop', async () => {
    const manual = manualSource();
    const client = createQueryClient();
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    const stop = refreshOnDataChanges(client, manual.source);
    stop();
    manual.push(['organisations']);
    expect(invalidate).not.toHaveBeenCalled();
  });
});

describe('the change source', () => {
  it('on the desktop is the preload’s onDataChanged', () => {
    const unsubscribe = vi.fn();
    let told: ((domains: Domain[]) => void) | undefined;
    window.portier = { invoke: vi.fn(), onDataChanged: (callback) => ((told = callback), unsubscribe) };
    const fetchSpy = vi.spyOn(window, 'fetch');
    const heard: (readonly Domain[])[] = [];
    const stop = pickChangeSource(window)((domains) => heard.push(domains));
    told?.(['tickets']);
    stop();
    expect(heard).toEqual([['tickets']]);
    expect(unsubscribe).toHaveBeenCalledOnce();
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('browser mode’s change stream', () => {
  it('parses events cut anywhere, skips comments (heartbeats) and joins data lines', () => {
    const parse = eventStreamParser();
    const text = ': open\n\nevent: changed\ndata: ["organisations"]\n\n: heartbeat\r\n\r\nevent: changed\r\ndata: [\r\ndata: "persons"]\r\n\r\ndata:plain\n\n';
    const events = [...text].flatMap((char) => parse(char));
    expect(events).toEqual([
      { event: 'changed', data: '["organisations"]' },
      { event: 'changed', data: '[\n"persons"]' },
      { event: 'message', data: 'plain' },
    ]);
  });

  /** A streamed answer the test writes into. */
  function streamedResponse(status = 200): { response: Response; write: (text: string) => void; end: () => void } {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
    const encoder = new TextEncoder();
    return { response: new Response(body, { status, headers: { 'content-type': 'text/event-stream' } }), write: (text) => controller.enqueue(encoder.encode(text)), end: () => controller.close() };
  }

  it('opens GET /api/changes with the key and the session, passes known domains on, and after a break counts every domain as changed', async () => {
    sessionStorage.setItem(KEY_STORAGE, 'the-key');
    sessionStorage.setItem(SESSION_STORAGE, 'the-session');
    const first = streamedResponse();
    const second = streamedResponse();
    const fetch = vi.fn<typeof window.fetch>().mockResolvedValueOnce(first.response).mockResolvedValueOnce(second.response);
    const heard: (readonly Domain[])[] = [];
    const stop = createHttpChangeSource({ storage: sessionStorage, fetch }, { firstMs: 10, lastMs: 10 })((domains) => heard.push(domains));
    await waitFor(() => expect(fetch).toHaveBeenCalledOnce());
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe(CHANGES_PATH);
    expect(init?.method).toBe('GET');
    const headers = new Headers(init?.headers);
    expect([headers.get(KEY_HEADER), headers.get(SESSION_HEADER)]).toEqual(['the-key', 'the-session']);

    first.write(': open\n\nevent: changed\ndata: ["organisations","no-such-domain"]\n\nevent: changed\ndata: not json\n\nevent: other\ndata: ["persons"]\n\n');
    await waitFor(() => expect(heard).toEqual([['organisations']]));
    first.end();
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(heard).toEqual([['organisations'], DOMAINS]));
    second.write('event: changed\ndata: ["persons"]\n\n');
    await waitFor(() => expect(heard).toHaveLength(3));
    stop();
    expect((fetch.mock.calls[1]?.[1]?.signal as AbortSignal).aborted).toBe(true);
  });

  it('stays closed after a 401 (the session ended) and opens nothing before a sign-in', async () => {
    const fetch = vi.fn<typeof window.fetch>().mockResolvedValue(new Response('{"ok":false}', { status: 401 }));
    sessionStorage.setItem(KEY_STORAGE, 'the-key');
    const source = createHttpChangeSource({ storage: sessionStorage, fetch }, { firstMs: 5, lastMs: 5 });
    source(() => undefined)();
    expect(fetch).not.toHaveBeenCalled();
    sessionStorage.setItem(SESSION_STORAGE, 'the-session');
    const stop = source(() => undefined);
    await waitFor(() => expect(fetch).toHaveBeenCalledOnce());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetch).toHaveBeenCalledOnce();
    stop();
  });
});
