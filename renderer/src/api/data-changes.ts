import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Domain } from '../../../shared/contract';
import { createHttpChangeSource } from './http-change-stream';
import type { HttpTransportEnv } from './http-transport';
import { invalidateDomains } from './query-client';

/**
 * Where the renderer hears of data changed elsewhere (another window or tab, the CLI, the
 * portal, another desktop on PostgreSQL): calls back with domains; returns the unsubscribe.
 */
export type DataChangeSource = (onChange: (domains: readonly Domain[]) => void) => () => void;

/** Pushed changes are applied at most this often, merged: a bulk run elsewhere must not refetch a screen per row. */
export const APPLY_EVERY_MS = 250;

/** The desktop preload's subscription when it is there, otherwise browser mode's stream. Call once at start-up. */
export function pickChangeSource(win: Window = window, env?: Partial<HttpTransportEnv>): DataChangeSource {
  const subscribe = win.portier?.onDataChanged;
  if (typeof subscribe === 'function') return (onChange) => subscribe((domains) => onChange(domains));
  return createHttpChangeSource({ storage: win.sessionStorage, fetch: (...args) => win.fetch(...args), ...env });
}

let source: DataChangeSource | null = null;

/** Set once at start-up next to the transport (main.tsx), or by a test; none: nothing is pushed. */
export function setChangeSource(next: DataChangeSource | null): void {
  source = next;
}

/**
 * Gathers domains and hands them to `apply` at most once per `everyMs`: at once when the last
 * time lies longer back, else all that came meanwhile when the time is up.
 */
export function batchChanges(apply: (domains: Domain[]) => void, everyMs = APPLY_EVERY_MS): { add(domains: readonly Domain[]): void; stop(): void } {
  let pending = new Set<Domain>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;
  const flush = () => {
    timer = null;
    last = Date.now();
    const domains = [...pending];
    pending = new Set();
    if (domains.length > 0) apply(domains);
  };
  return {
    add(domains) {
      for (const domain of domains) pending.add(domain);
      if (timer || pending.size === 0) return;
      const wait = last + everyMs - Date.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending.clear();
    },
  };
}

/** Invalidates the queries of pushed domains (the same mapping as after the renderer's own mutations); returns the stop. */
export function refreshOnDataChanges(client: QueryClient, from: DataChangeSource): () => void {
  const batch = batchChanges((domains) => void invalidateDomains(client, domains));
  const unsubscribe = from((domains) => batch.add(domains));
  return () => {
    unsubscribe();
    batch.stop();
  };
}

/** While a staff user is signed in (the key: a new sign-in subscribes anew), open screens follow changes made elsewhere. */
export function useDataChanges(signedInAs: number): void {
  const client = useQueryClient();
  useEffect(() => (source ? refreshOnDataChanges(client, source) : undefined), [client, signedInAs]);
}
