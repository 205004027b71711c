/**
 * Whether the user is at the screen. A back-office window refreshes by itself (another desk's
 * change, the outbox's poll); those calls must not keep the sign-in alive, or a window left open
 * in a busy office never reaches its idle timeout. A call counts as the user's while they pressed
 * a key, clicked, touched or scrolled in the last ATTENDED_FOR_MS; later ones go as unattended
 * (the core answers them without moving the idle clock: electron/core/auth/session-principal.ts).
 */
export const ATTENDED_FOR_MS = 60_000;

const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** Opening the app is the user's doing. */
let lastInputAt = Date.now();

/** Starts listening for the user's input on `target` (the window); returns the stop. */
export function watchUserActivity(target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>, now: () => number = Date.now): () => void {
  const seen = () => {
    lastInputAt = now();
  };
  for (const type of INPUT_EVENTS) target.addEventListener(type, seen, { capture: true, passive: true });
  return () => {
    for (const type of INPUT_EVENTS) target.removeEventListener(type, seen, { capture: true });
  };
}

/** True when the user gave input recently enough for a call now to be theirs. */
export function isAttended(now: number = Date.now()): boolean {
  return now - lastInputAt <= ATTENDED_FOR_MS;
}
