import type { ParsedInputOf } from '../../../shared/api';
import type { AuditAction } from '../../../shared/api/audit';
import type { PortalAccount } from '../../../shared/api/portal-accounts';
import { AppError } from '../../../shared/errors';
import { evaluatePassword } from '../../../shared/password-policy';
import { changedFields, recordAudit } from '../audit/audit-log';
import { hashPassword } from '../auth/password-hash';
import { organisationNames } from '../contacts/organisation-repository';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { readPasswordPolicy } from '../password-policy/password-policy-service';
import { nicknameKey, refreshAccountIndex } from '../account-index/account-index-repository';
import { writeLinks, writeRoleGroups } from './account-link-repository';
import { checkLinks, checkRoleGroups } from './account-links';
import { deleteAccountRow, findAccount, findAccountIdByUsername, insertAccountRow, updateAccountRow, usernameKey } from './account-repository';

type CreateInput = ParsedInputOf<'portal-accounts:create'>;
type UpdateInput = ParsedInputOf<'portal-accounts:update'>;

export const accountNotFound = (id: number) =>
  new AppError('NOT_FOUND', `Portal account ${id} does not exist.`, { fields: { id: { code: 'not_found' } } });

/** What the audit log keeps of an account: every access-relevant field, never a hash. */
export const accountAuditView = (a: PortalAccount) => ({
  username: a.username,
  nickname: a.nickname,
  description: a.description,
  recoveryEmail: a.recoveryEmail,
  language: a.language,
  active: a.active,
  links: a.links.map((l) => ({ organisationId: l.organisationId, personId: l.personId, isDefault: l.isDefault })),
  roleGroupIds: a.roleGroupIds,
});

const fieldsView = (a: PortalAccount) => {
  const { links: _links, roleGroupIds: _groups, ...fields } = accountAuditView(a);
  return fields;
};

export async function loadAccount(db: Executor, id: number, now: Date): Promise<PortalAccount> {
  const found = await findAccount(db, id, now);
  if (!found) throw accountNotFound(id);
  return found;
}

export async function refuseTakenUsername(db: Executor, username: string, exceptId?: number): Promise<void> {
  const existing = await findAccountIdByUsername(db, username);
  if (existing !== undefined && existing !== exceptId) {
    throw new AppError('CONFLICT', `There is already a portal account for ${username}.`, { fields: { username: { code: 'taken' } } });
  }
}

/** A password staff typed must meet the policy (the same evaluation as the live feedback). */
async function acceptablePasswordHash(db: Executor, password: string, username: string, organisationIds: readonly number[]): Promise<string> {
  const policy = await readPasswordPolicy(db);
  const problems = evaluatePassword(password, policy, { username, organisationNames: await organisationNames(db, organisationIds) });
  if (problems.length > 0) {
    throw new AppError('VALIDATION', `The password does not meet the password policy (${problems.map((p) => p.code).join(', ')}).`, {
      fields: { password: { code: 'weak_password' } },
      params: { problems: problems.map((p) => p.code).join(',') },
    });
  }
  return hashPassword(password);
}

/** Inserts one account with its links and groups and audits it; inside the caller's transaction. */
export async function insertAccount(trx: Executor, actor: Actor, now: Date, input: CreateInput, passwordHash: string | null): Promise<number> {
  const at = now.toISOString();
  await refuseTakenUsername(trx, input.username);
  await checkLinks(trx, input.links);
  await checkRoleGroups(trx, input.roleGroupIds);
  const id = await insertAccountRow(trx, {
    username: input.username,
    username_key: usernameKey(input.username),
    nickname: input.nickname,
    nickname_key: nicknameKey(input.nickname),
    description: input.description,
    recovery_email: input.recoveryEmail,
    language: input.language,
    active: input.active ? 1 : 0,
    password_hash: passwordHash,
    created_at: at,
    updated_at: at,
  });
  await writeLinks(trx, id, input.links);
  await writeRoleGroups(trx, id, input.roleGroupIds);
  await refreshAccountIndex(trx, { accountId: id });
  const created = await loadAccount(trx, id, now);
  await recordAudit(trx, {
    at,
    staffId: actor.id,
    entity: 'portal-account',
    entityId: id,
    action: 'created',
    after: { ...accountAuditView(created), passwordSet: passwordHash !== null },
  });
  return id;
}

export async function createAccount(deps: CoreDeps, actor: Actor, input: CreateInput): Promise<PortalAccount> {
  const now = deps.clock();
  // Hash outside the transaction: argon2 takes a while and must not hold the write lock.
  const hash = input.password
    ? await acceptablePasswordHash(deps.db, input.password, input.username, input.links.map((l) => l.organisationId))
    : null;
  const id = await deps.db.transaction().execute((trx) => insertAccount(trx, actor, now, input, hash));
  return loadAccount(deps.db, id, now);
}

export async function updateAccount(deps: CoreDeps, actor: Actor, input: UpdateInput): Promise<PortalAccount> {
  const now = deps.clock();
  const at = now.toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const before = await loadAccount(trx, input.id, now);
    await checkLinks(trx, input.links);
    await checkRoleGroups(trx, input.roleGroupIds);
    await updateAccountRow(trx, input.id, {
      nickname: input.nickname,
      nickname_key: nicknameKey(input.nickname),
      description: input.description,
      recovery_email: input.recoveryEmail,
      language: input.language,
      updated_at: at,
    });
    await writeLinks(trx, input.id, input.links);
    await writeRoleGroups(trx, input.id, input.roleGroupIds);
    await refreshAccountIndex(trx, { accountId: input.id });
    const after = await loadAccount(trx, input.id, now);
    const audit = (action: AuditAction, diff: { before: object; after: object }) =>
      recordAudit(trx, { at, staffId: actor.id, entity: 'portal-account', entityId: input.id, action, ...diff });
    const fields = changedFields(fieldsView(before), fieldsView(after));
    if (Object.keys(fields.after).length > 0) await audit('updated', fields);
    const links = accountAuditView(before).links;
    const linksAfter = accountAuditView(after).links;
    if (JSON.stringify(sortLinks(links)) !== JSON.stringify(sortLinks(linksAfter))) {
      await audit('links-changed', { before: { links }, after: { links: linksAfter } });
    }
    if (JSON.stringify(before.roleGroupIds) !== JSON.stringify(after.roleGroupIds)) {
      await audit('groups-changed', { before: { roleGroupIds: before.roleGroupIds }, after: { roleGroupIds: after.roleGroupIds } });
    }
  });
  return loadAccount(deps.db, input.id, now);
}

const sortLinks = <L extends { organisationId: number }>(links: L[]) => [...links].sort((a, b) => a.organisationId - b.organisationId);

/**
 * Switches an account off or on. Switching off raises the security stamp, which voids
 * every open token and session of the account.
 */
export async function setAccountActive(deps: CoreDeps, actor: Actor, id: number, active: boolean): Promise<PortalAccount> {
  const now = deps.clock();
  const at = now.toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const before = await loadAccount(trx, id, now);
    if (before.active === active) return;
    await updateAccountRow(trx, id, { active: active ? 1 : 0, updated_at: at }, { raiseSecurityStamp: !active });
    await recordAudit(trx, {
      at,
      staffId: actor.id,
      entity: 'portal-account',
      entityId: id,
      action: active ? 'reactivated' : 'deactivated',
      before: { active: before.active },
      after: { active },
    });
  });
  return loadAccount(deps.db, id, now);
}

/**
 * A deliberate change of the sign-in name. The security stamp goes up (every session
 * and token of the account dies) and an open invitation, sent to the old address, ends now.
 */
export async function changeUsername(deps: CoreDeps, actor: Actor, id: number, username: string): Promise<PortalAccount> {
  const now = deps.clock();
  const at = now.toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const before = await loadAccount(trx, id, now);
    if (before.username === username) return;
    await refuseTakenUsername(trx, username, id);
    const invitationOpen = before.activatedAt === null && before.activationExpiresAt !== null && before.activationExpiresAt > at;
    await updateAccountRow(
      trx,
      id,
      { username, username_key: usernameKey(username), updated_at: at, ...(invitationOpen ? { activation_expires_at: at } : {}) },
      { raiseSecurityStamp: true },
    );
    await refreshAccountIndex(trx, { accountId: id });
    await recordAudit(trx, {
      at,
      staffId: actor.id,
      entity: 'portal-account',
      entityId: id,
      action: 'username-changed',
      before: { username: before.username },
      after: { username, tokensVoided: true },
    });
  });
  return loadAccount(deps.db, id, now);
}

export async function deleteAccount(deps: CoreDeps, actor: Actor, id: number): Promise<null> {
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const existing = await loadAccount(trx, id, now);
    await deleteAccountRow(trx, id);
    await recordAudit(trx, { at: now.toISOString(), staffId: actor.id, entity: 'portal-account', entityId: id, action: 'deleted', before: accountAuditView(existing) });
  });
  return null;
}
