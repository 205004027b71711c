import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditVia } from '../../../shared/api/audit';

// Carried along the call rather than passed down: a call from the command line reaches
// audit writes deep inside shared services (bulk activation, imports, group moves), and
// every one of them must say "command line", including ones added later.
const origin = new AsyncLocalStorage<{ via: AuditVia; accountId: number | null }>();

/**
 * Runs one call into the core with the way it came in, and the portal account making it (a
 * customer in the portal); audit entries written during it carry both.
 */
export function withAuditOrigin<T>(via: AuditVia, run: () => Promise<T>, accountId: number | null = null): Promise<T> {
  return origin.run({ via, accountId }, run);
}

/** How the current call came in; the back office when no transport said otherwise. */
export const currentAuditOrigin = (): AuditVia => origin.getStore()?.via ?? 'app';

/** The portal account making the current call, or null (staff, the command line, nobody signed in). */
export const currentAuditAccount = (): number | null => origin.getStore()?.accountId ?? null;
