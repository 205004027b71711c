import type { ParsedInputOf } from '../../../shared/api';
import type { StaffMember } from '../../../shared/api/staff';
import { AppError } from '../../../shared/errors';
import { changedFields, recordAudit } from '../audit/audit-log';
import { hashPassword } from '../auth/password-hash';
import { evaluatePassword } from '../../../shared/password-policy';
import { isoNow } from '../clock';
import type { Executor } from '../db/connection';
import { readPasswordPolicy } from '../password-policy/password-policy-service';
import type { Actor, CoreDeps } from '../context';
import {
  countActiveAdministrators,
  countStaff,
  emailKey,
  findStaffByEmail,
  findStaffById,
  insertStaff,
  rowToStaffMember,
  updateStaff,
} from './staff-repository';

type CreateInput = Omit<ParsedInputOf<'staff:create'>, never>;
type UpdateInput = ParsedInputOf<'staff:update'>;

/** Staff passwords meet the same policy as customers' (the administrator's preset), checked here whatever the UI did. */
async function acceptableStaffPasswordHash(db: Executor, password: string, email: string): Promise<string> {
  const problems = evaluatePassword(password, await readPasswordPolicy(db), { username: email });
  if (problems.length > 0) {
    throw new AppError('VALIDATION', `The password does not meet the password policy (${problems.map((p) => p.code).join(', ')}).`, {
      fields: { password: { code: 'weak_password' } },
      params: { problems: problems.map((p) => p.code).join(',') },
    });
  }
  return hashPassword(password);
}

/** What the audit log keeps of a staff user: never the password hash. */
const auditView = (m: StaffMember) => ({
  name: m.name,
  email: m.email,
  role: m.role,
  mayGrantAccess: m.mayGrantAccess,
  active: m.active,
  language: m.language,
});

const emailTaken = () =>
  new AppError('CONFLICT', 'Another staff user already has this email address.', {
    fields: { email: { code: 'taken' } },
  });

export async function getStaffMember(deps: CoreDeps, id: number): Promise<StaffMember> {
  const row = await findStaffById(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND', `Staff user ${id} does not exist.`, { fields: { id: { code: 'not_found' } } });
  return rowToStaffMember(row);
}

/**
 * Adds a staff user. `actor` is null only for the very first administrator,
 * which is allowed exactly while no staff user exists.
 */
export async function createStaffMember(deps: CoreDeps, actor: Actor | null, input: CreateInput): Promise<StaffMember> {
  const passwordHash = await acceptableStaffPasswordHash(deps.db, input.password, input.email);
  const now = isoNow(deps.clock);
  const id = await deps.db.transaction().execute(async (trx) => {
    if (actor === null && (await countStaff(trx)) > 0) {
      throw new AppError('SETUP_ALREADY_DONE', 'Portier already has an administrator; sign in instead.');
    }
    if (await findStaffByEmail(trx, input.email)) throw emailTaken();
    const id = await insertStaff(trx, {
      name: input.name,
      email: input.email,
      email_key: emailKey(input.email),
      password_hash: passwordHash,
      role: input.role,
      may_grant_access: input.mayGrantAccess || input.role === 'administrator' ? 1 : 0,
      active: 1,
      language: input.language,
      created_at: now,
      updated_at: now,
    });
    const created = await findStaffById(trx, id);
    if (!created) throw new Error('staff row vanished');
    await recordAudit(trx, {
      at: now,
      staffId: actor?.id ?? id,
      entity: 'staff',
      entityId: id,
      action: actor ? 'created' : 'first-administrator-created',
      after: auditView(rowToStaffMember(created)),
    });
    return id;
  });
  return getStaffMember(deps, id);
}

/**
 * Edits a staff user. A new password, another role or the active flag turned off or on
 * raises the security stamp, which ends every session signed in under the old one.
 */
export async function updateStaffMember(deps: CoreDeps, actor: Actor, input: UpdateInput): Promise<{ member: StaffMember; securityStamp: number }> {
  const passwordHash = input.password ? await acceptableStaffPasswordHash(deps.db, input.password, input.email) : null;
  const now = isoNow(deps.clock);
  const securityStamp = await deps.db.transaction().execute(async (trx) => {
    const existing = await findStaffById(trx, input.id);
    if (!existing) throw new AppError('NOT_FOUND', `Staff user ${input.id} does not exist.`, { fields: { id: { code: 'not_found' } } });
    const other = await findStaffByEmail(trx, input.email);
    if (other && other.id !== input.id) throw emailTaken();
    const stampChanges = passwordHash !== null || existing.role !== input.role || (existing.active === 1) !== input.active;
    const losesAdministration = existing.role === 'administrator' && (input.role !== 'administrator' || !input.active);
    if (losesAdministration && (await countActiveAdministrators(trx, input.id)) === 0) {
      throw new AppError('LAST_ADMINISTRATOR', 'Portier needs at least one active administrator.', {
        fields: { [input.role !== 'administrator' ? 'role' : 'active']: { code: 'invalid_value' } },
      });
    }
    await updateStaff(trx, input.id, {
      name: input.name,
      email: input.email,
      email_key: emailKey(input.email),
      role: input.role,
      may_grant_access: input.mayGrantAccess || input.role === 'administrator' ? 1 : 0,
      active: input.active ? 1 : 0,
      language: input.language,
      updated_at: now,
      ...(passwordHash ? { password_hash: passwordHash } : {}),
      ...(stampChanges ? { security_stamp: existing.security_stamp + 1 } : {}),
    });
    const updated = await findStaffById(trx, input.id);
    if (!updated) throw new Error('staff row vanished');
    const diff = changedFields(auditView(rowToStaffMember(existing)), auditView(rowToStaffMember(updated)));
    const after: typeof diff.after & { password?: 'changed' } = { ...diff.after };
    if (passwordHash) after.password = 'changed';
    await recordAudit(trx, {
      at: now,
      staffId: actor.id,
      entity: 'staff',
      entityId: input.id,
      action: input.active || !existing.active ? 'updated' : 'deactivated',
      before: diff.before,
      after,
    });
    return updated.security_stamp;
  });
  return { member: await getStaffMember(deps, input.id), securityStamp };
}

export async function setStaffLanguage(deps: CoreDeps, actor: Actor, language: StaffMember['language']): Promise<StaffMember> {
  await updateStaff(deps.db, actor.id, { language, updated_at: isoNow(deps.clock) });
  return getStaffMember(deps, actor.id);
}
