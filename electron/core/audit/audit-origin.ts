import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditVia } from '../../../shared/api/audit';

// Carried along the call rather than passed down: a call from the command line reaches
// audit writes deep inside shared services (bulk activation, imports, group moves), and
// every one of them must say "command line", including ones added later.
const origin = new AsyncLocalStorage<AuditVia>();

/** Runs one call into the core with the way it came in; audit entries written during it carry that. */
export function withAuditOrigin<T>(via: AuditVia, run: () => Promise<T>): Promise<T> {
  return origin.run(via, run);
}

/** How the current call came in; the back office when no transport said otherwise. */
export const currentAuditOrigin = (): AuditVia => origin.getStore() ?? 'app';
