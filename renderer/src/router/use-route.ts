import { useMemo, useSyncExternalStore } from 'react';
import { hrefOf, parseHash, type Route } from './routes';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Back/forward over pushState entries fires popstate; typed or followed hashes fire hashchange.
  window.addEventListener('hashchange', listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('hashchange', listener);
    window.removeEventListener('popstate', listener);
  };
}

const snapshot = () => window.location.hash;

/** The current screen, re-rendered when the hash changes (links, back/forward, navigate()). */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, snapshot);
  return useMemo(() => parseHash(hash), [hash]);
}

/**
 * Goes to a route. `replace` keeps the history clean after a create (Back should not
 * reopen the empty "new" form). Listeners are told at once rather than on the async
 * hashchange event, so the screen changes in the same tick.
 */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = hrefOf(route);
  if (window.location.hash === href) return;
  if (options.replace) window.history.replaceState(window.history.state, '', href);
  else window.history.pushState(window.history.state, '', href);
  for (const listener of listeners) listener();
}
