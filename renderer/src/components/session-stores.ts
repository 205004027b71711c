import type { StoreApi, UseBoundStore } from 'zustand';

/*
 * The zustand stores that hold what one staff user did on screen (list searches, filters,
 * pages, order): every one registers here when it is created, and sign-out walks the list,
 * so the next user starts clean and no store can be forgotten. Left out on purpose: the
 * notifications (a few seconds of "saved"), and the language picked on the sign-in screen,
 * which belongs to the screen before anyone signs in.
 */
const resets: (() => void)[] = [];

/** Registers a store to go back to its initial state on sign-out; returns it, to wrap `create(...)`. */
export function resetOnSignOut<S>(store: UseBoundStore<StoreApi<S>>): UseBoundStore<StoreApi<S>> {
  const initial = store.getInitialState();
  resets.push(() => store.setState(initial, true));
  return store;
}

/** Puts every registered store back to its initial state (on sign-out; tests use it between cases). */
export function resetSessionStores(): void {
  for (const reset of resets) reset();
}
