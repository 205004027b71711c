import { contract, isChannelName, type ChannelName } from '../../shared/api';
import { AppError, isAppError, type ErrorPayload } from '../../shared/errors';
import type { Result } from '../../shared/result';
import { withAuditOrigin } from './audit/audit-origin';
import { endSession, type SessionSlot } from './auth/session';
import type { Actor, CoreDeps, Handler, HandlerContext } from './context';
import { handlers } from './handlers';
import { findSessionStaff } from './auth/session-repository';
import { sessionSettingsFromJson } from './settings/session-settings';
import { parseInput } from './validation';

/** Something a transport wants to hear about errors it cannot show (logs). */
export type ErrorSink = (channel: string, error: unknown) => void;

async function resolveActor(deps: CoreDeps, session: SessionSlot): Promise<Actor | null> {
  if (session.staffId === null) return null;
  const now = deps.clock().getTime();
  const row = await findSessionStaff(deps.db, session.staffId);
  // A deleted or deactivated staff user, or one whose password or role changed since this
  // sign-in (a newer security stamp), loses the session on the next call; so does one idle too long.
  const idleMs = sessionSettingsFromJson(row?.session_settings_json ?? null).idleMinutes * 60_000;
  const idle = session.lastSeenAt === null || now - session.lastSeenAt > idleMs;
  if (!row || row.active !== 1 || row.security_stamp !== session.stamp || idle) {
    endSession(session);
    return null;
  }
  session.lastSeenAt = now;
  return { id: row.id, name: row.name, role: row.role, mayGrantAccess: row.may_grant_access === 1 };
}

function authorise(name: ChannelName, actor: Actor | null): void {
  const access = contract[name].access;
  if (access === 'public') return;
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  if (access === 'admin' && actor.role !== 'administrator') {
    throw new AppError('FORBIDDEN', 'Only administrators may do this.');
  }
  if (access === 'grant' && actor.role !== 'administrator' && !actor.mayGrantAccess) {
    throw new AppError('FORBIDDEN', 'Only administrators and staff who may grant portal access may do this.');
  }
}

/**
 * The one way into the core, for IPC, the HTTP bridge, the CLI and tests alike:
 * channel check, input validation, authorisation, handler, output shaping.
 * Every failure comes back as data; stack traces never leave the process.
 */
export async function dispatch(
  deps: CoreDeps,
  session: SessionSlot,
  channelName: unknown,
  input: unknown,
  onError?: ErrorSink,
): Promise<Result<unknown>> {
  try {
    if (!isChannelName(channelName)) {
      throw new AppError('UNKNOWN_CHANNEL', `There is no channel ${String(channelName).slice(0, 80)}.`);
    }
    const def = contract[channelName];
    const actor = await resolveActor(deps, session);
    authorise(channelName, actor);
    const parsed: unknown = parseInput(def.input, input);
    const ctx: HandlerContext = { deps, actor, session };
    const handler = handlers[channelName] as Handler<ChannelName>;
    const value = await withAuditOrigin(session.via ?? 'app', () => handler(parsed as never, ctx));
    // The output schema strips anything the contract does not promise (e.g. a hash that slipped in).
    return { ok: true, value: def.output.parse(value) };
  } catch (error) {
    return { ok: false, error: toErrorPayload(channelName, error, onError) };
  }
}

/** SQLite's "database or disk is full" (also its max_page_count), or the file system's. */
const DISK_FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC']);

/** Whether the error, or one it was caused by, says the disk is full. */
function isDiskFull(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (DISK_FULL_CODES.has(String((e as { code?: unknown }).code))) return true;
  }
  return false;
}

/** The error as data for the caller; exported for the test of a real full disk (/dev/full). */
export function toErrorPayload(channelName: unknown, error: unknown, onError?: ErrorSink): ErrorPayload {
  if (isAppError(error)) return error.toPayload();
  // Every change runs in a transaction, so a full disk rolls it back whole: say so, not "something went wrong".
  if (isDiskFull(error)) return { code: 'DISK_FULL', message: 'The disk is full: nothing was saved. Free some disk space and try again.' };
  const sqliteCode = (error as { code?: unknown } | null)?.code;
  // ON DELETE RESTRICT reports itself as a trigger constraint, with the foreign-key message.
  const restricted = sqliteCode === 'SQLITE_CONSTRAINT_TRIGGER' && /FOREIGN KEY/.test(String((error as { message?: unknown }).message));
  if (sqliteCode === 'SQLITE_CONSTRAINT_FOREIGNKEY' || restricted) {
    return { code: 'IN_USE', message: 'Other records still refer to this one.' };
  }
  onError?.(String(channelName), error);
  return { code: 'INTERNAL', message: 'Something went wrong inside Portier. The change was not saved.' };
}
