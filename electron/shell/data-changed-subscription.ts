import type { Domain } from '../../shared/contract';
import { DATA_CHANGED_CHANNEL, knownDomains } from '../../shared/data-changes';

/** The part of ipcRenderer the subscription uses (an EventEmitter in tests). */
export interface DataChangedEvents {
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * The preload's onDataChanged(): the renderer hears DATA_CHANGED_CHANNEL only, and only a fresh
 * array of known domain names (never the IPC event, which would hand it ipcRenderer, nor
 * whatever else the message holds). Returns the unsubscribe; calling it twice is harmless.
 */
export function subscribeToDataChanges(events: DataChangedEvents, callback: unknown): () => void {
  if (typeof callback !== 'function') throw new TypeError('onDataChanged needs a function.');
  const tell = callback as (domains: Domain[]) => void;
  const listener = (_event: unknown, payload: unknown) => {
    const domains = knownDomains(payload);
    if (domains.length > 0) tell(domains);
  };
  events.on(DATA_CHANGED_CHANNEL, listener);
  let subscribed = true;
  return () => {
    if (!subscribed) return;
    subscribed = false;
    events.removeListener(DATA_CHANGED_CHANNEL, listener);
  };
}
