import { randomBytes } from 'node:crypto';
import type { SessionSlot } from '../core/auth/session';

/** A session id as the server issues it: 256 random bits, base64url. */
const SESSION_ID = /^[A-Za-z0-9_-]{16,128}$/;

export function isValidSessionId(value: string): boolean {
  return SESSION_ID.test(value);
}

export const newSessionId = (): string => randomBytes(32).toString('base64url');

/**
 * The signed-in browser tabs, each under an id the server issued at sign-in. Ids a
 * client makes up are never stored (get() answers undefined), and anonymous calls get
 * throw-away slots, so no number of requests without a sign-in can push a signed-in
 * tab out. The cap only bounds memory against many real sign-ins; the least recently
 * used one goes first (it simply has to sign in again).
 */
export class SessionSlots {
  private readonly slots = new Map<string, SessionSlot>();

  constructor(private readonly max: number) {}

  get(id: string): SessionSlot | undefined {
    const existing = this.slots.get(id);
    if (!existing) return undefined;
    // Re-insert: Map keeps insertion order, so the first key is the least recently used.
    this.slots.delete(id);
    this.slots.set(id, existing);
    return existing;
  }

  /** The slot under this id, without counting as a use (the least recently used goes first all the same). */
  peek(id: string): SessionSlot | undefined {
    return this.slots.get(id);
  }

  /** Keeps a slot that has just signed in; returns the new id the tab is to send from now on. */
  issue(slot: SessionSlot): string {
    const id = newSessionId();
    this.slots.set(id, slot);
    while (this.slots.size > this.max) {
      const oldest = this.slots.keys().next().value;
      if (oldest === undefined) break;
      this.slots.delete(oldest);
    }
    return id;
  }

  delete(id: string): void {
    this.slots.delete(id);
  }

  get size(): number {
    return this.slots.size;
  }
}
