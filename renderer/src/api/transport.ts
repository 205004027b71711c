import type { CallNature, PortierBridge } from '../../../shared/bridge';
import type { Result } from '../../../shared/result';
import { createHttpTransport, type HttpTransportEnv } from './http-transport';

/** Sends one contract call and answers with its Result; the only thing that differs between Electron and browser mode. */
export type Transport = (channel: string, input: unknown, nature?: CallNature) => Promise<Result<unknown>>;

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    portier?: PortierBridge;
  }
}

function bridgeOf(win: Window): PortierBridge | null {
  const bridge = win.portier;
  return bridge && typeof bridge.invoke === 'function' ? bridge : null;
}

/** Chooses Electron IPC when the preload is there, otherwise the loopback HTTP bridge. Call once at start-up. */
export function pickTransport(win: Window = window, env?: Partial<HttpTransportEnv>): Transport {
  const bridge = bridgeOf(win);
  if (bridge) return (channel, input, nature) => (nature?.unattended ? bridge.invoke(channel, input, { unattended: true }) : bridge.invoke(channel, input));
  return createHttpTransport({
    location: win.location,
    history: win.history,
    storage: win.sessionStorage,
    fetch: (...args) => win.fetch(...args),
    ...env,
  });
}
