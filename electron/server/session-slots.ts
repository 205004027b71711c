import { newSessionSlot, type SessionSlot } from '../core/auth/session';

/** A tab's session id: random, URL-safe, long enough that tabs never collide. */
const SESSION_ID = /^[A-Za-z0-9_-]{16,128}$/;

export function isValidSessionId(value: string): boolean {
  return SESSION_ID.test(value);
}

/**
 * One SessionSlot per browser tab, keyed by the tab's SESSION_HEADER value.
 * Capped so that a misbehaving client cannot grow memory without bound; the
 * least recently used tab is forgotten first (it simply has to sign in again).
 */
export class SessionSlots {
  private readonly slots = new Map<string, SessionSlot>();

  constructor(private readonly max: number) {}

  get(id: string): SessionSlot {
    const existing = this.slots.get(id);
    if (existing) {
      // Re-insert: Map keeps insertion order, so the first key is the least recently used.
      this.slots.delete(id);
      this.slots.set(id, existing);
      return existing;
    }
    const slot = newSessionSlot();
    this.slots.set(id, slot);
    while (this.slots.size > this.max) {
      const oldest = this.slots.keys().next().value;
      if (oldest === undefined) break;
      this.slots.delete(oldest);
    }
    return slot;
  }

  get size(): number {
    return this.slots.size;
  }
}
