import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLE_GROUPS } from '../../shared/permissions';
import { DEFAULT_ACCOUNT_COLUMNS } from '../../shared/api/portal-accounts';
import type { SessionSlot } from '../../electron/core/auth/session';
import { errorOf, signedIn, startTestCore, databaseFingerprint, type TestCore } from '../support/core';

let t: TestCore;
let now = new Date('2026-11-01T10:00:00.000Z');
let org: { id: number };
let person: { id: number };
let group: { id: number };

beforeEach(async () => {
  now = new Date('2026-11-01T10:00:00.000Z');
  t = await startTestCore({ clock: () => now });
  org = await t.call('organisations:create', { name: 'Brouwerij De Ster' });
  person = await t.call('persons:create', { organisationId: org.id, firstName: 'Anna', lastName: 'Jansen', email: 'Anna.Jansen@example.com' });
  group = await t.call('role-groups:create', { name: 'Readers', permissions: ['tickets.read', 'documents.read'] });
});
afterEach(async () => {
  await t.close();
});

const link = (organisationId: number, personId: number | null = null, isDefault = true) => ({ organisationId, personId, isDefault });
const create = (username: string, extra: Record<string, unknown> = {}, session?: SessionSlot) =>
  t.call('portal-accounts:create', { username, links: [link(org.id, person.id)], roleGroupIds: [group.id], ...extra }, session);
const audit = (entityId: number) => t.call('audit:list', { entity: 'portal-account', entityId, limit: 50 }).then((p) => p.rows);
const row = (id: number) => t.core.deps.db.selectFrom('portal_account').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('role groups', () => {
  it('come with the four built-in tiers from the migration', async () => {
    const groups = await t.call('role-groups:list', {});
    for (const builtIn of BUILT_IN_ROLE_GROUPS) {
      const found = groups.find((g) => g.name === builtIn.name);
      expect(found, builtIn.name).toMatchObject({ builtIn: true, accountCount: 0 });
      expect([...(found?.permissions ?? [])].sort()).toEqual([...builtIn.permissions].sort());
    }
    const partner = groups.find((g) => g.name === 'Partner');
    const participant = groups.find((g) => g.name === 'Client participant');
    expect(partner?.permissions).toEqual(expect.arrayContaining([...(participant?.permissions ?? []), 'members.view']));
  });

  it('refuse staff-only powers with a field error and change nothing', async () => {
    const before = await databaseFingerprint(t.core);
    const error = await errorOf(t.call('role-groups:create', { name: 'Too strong', permissions: ['tickets.read', 'tickets.close_any'] }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.fields).toEqual({ permissions: { code: 'invalid_value' } });
    expect(await databaseFingerprint(t.core)).toBe(before);
    const update = await errorOf(t.call('role-groups:update', { id: group.id, name: 'Readers', permissions: ['tickets.view_all_in_project'] }));
    expect(update.code).toBe('FORBIDDEN');
  });

  it('are unique by name in any case', async () => {
    const error = await errorOf(t.call('role-groups:create', { name: 'READERS', permissions: [] }));
    expect(error.code).toBe('CONFLICT');
    expect(error.fields).toEqual({ name: { code: 'taken' } });
  });

  it('cannot be deleted while in use, unless the accounts move to another group in the same step', async () => {
    const account = await create('a@example.com');
    const standard = (await t.call('role-groups:list', {})).find((g) => g.name === 'Standard');
    expect((await t.call('role-groups:get', { id: group.id })).accountCount).toBe(1);
    const before = await databaseFingerprint(t.core);
    expect((await errorOf(t.call('role-groups:delete', { id: group.id }))).code).toBe('IN_USE');
    expect(await databaseFingerprint(t.core)).toBe(before);
    await t.call('role-groups:delete', { id: group.id, moveAccountsTo: standard?.id ?? 0 });
    expect((await t.call('portal-accounts:get', { id: account.id })).roleGroupIds).toEqual([standard?.id]);
    expect((await audit(account.id)).map((e) => e.action)).toContain('groups-changed');
    expect((await errorOf(t.call('role-groups:get', { id: group.id }))).code).toBe('NOT_FOUND');
  });
});

describe('portal accounts', () => {
  it('are created without a password and cannot sign in until activated', async () => {
    const account = await create('Anna.Jansen@example.com', { nickname: 'Anna' });
    expect(account).toMatchObject({ username: 'Anna.Jansen@example.com', hasPassword: false, status: 'no_access', active: true });
    expect(account.links).toEqual([{ organisationId: org.id, organisationName: 'Brouwerij De Ster', personId: person.id, personName: 'Anna Jansen', isDefault: true }]);
    expect((await row(account.id)).password_hash).toBeNull();
    const [created] = await audit(account.id);
    expect(created).toMatchObject({ action: 'created', after: { username: 'Anna.Jansen@example.com', roleGroupIds: [group.id], passwordSet: false } });
  });

  it('have a username unique in any case, and a valid email as username', async () => {
    await create('anna@example.com');
    const taken = await errorOf(create('ANNA@Example.COM'));
    expect(taken.code).toBe('CONFLICT');
    expect(taken.fields).toEqual({ username: { code: 'taken' } });
    const invalid = await errorOf(create('anna at example'));
    expect(invalid.code).toBe('VALIDATION');
    expect(invalid.fields?.username).toBeDefined();
  });

  it('need exactly one default link, and a linked person of that organisation', async () => {
    const other = await t.call('organisations:create', { name: 'Other BV' });
    const twoDefaults = await errorOf(create('x@example.com', { links: [link(org.id), link(other.id)] }));
    expect(twoDefaults.fields?.links).toBeDefined();
    const noDefault = await errorOf(create('x@example.com', { links: [link(org.id, null, false)] }));
    expect(noDefault.fields?.links).toBeDefined();
    const wrongPerson = await errorOf(create('x@example.com', { links: [link(other.id, person.id)] }));
    expect(wrongPerson).toMatchObject({ code: 'VALIDATION', fields: { links: { code: 'invalid_value' } } });
    const twoLinks = await create('x@example.com', { links: [link(other.id, null, false), link(org.id, person.id, true)] });
    expect(twoLinks.links.map((l) => [l.organisationName, l.isDefault])).toEqual([
      ['Brouwerij De Ster', true],
      ['Other BV', false],
    ]);
  });

  it('take a password typed by staff only when it meets the policy, and store only its hash', async () => {
    const weak = await errorOf(create('p@example.com', { password: 'short1A' }));
    expect(weak).toMatchObject({ code: 'VALIDATION', fields: { password: { code: 'weak_password' } } });
    const context = await errorOf(create('brouwerij@example.com', { password: 'Brouwerij-2026-X' }));
    expect(context.params?.problems).toContain('contains_context');
    const account = await create('p@example.com', { password: 'Lantern-Orbit-42' });
    expect(account).toMatchObject({ hasPassword: true, status: 'active' });
    const stored = (await row(account.id)).password_hash ?? '';
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(stored).not.toContain('Lantern');
  });

  it('follow the administrator’s policy: the NIST preset refuses what the default accepts', async () => {
    expect((await create('d@example.com', { password: 'Lantern-Orbit4' })).hasPassword).toBe(true);
    await t.call('password-policy:update', { minLength: 15, maxLength: 128, requireUpper: false, requireLower: false, requireDigit: false, requireSymbol: false, blockCommon: true, blockContext: true });
    expect((await errorOf(create('n@example.com', { password: 'Lantern-Orbit4' }))).fields?.password).toBeDefined();
    expect((await create('n@example.com', { password: 'lantern orbit over the quiet harbour' })).hasPassword).toBe(true);
    const entries = await t.call('audit:list', { entity: 'password-policy', limit: 10 });
    expect(entries.rows[0]).toMatchObject({ action: 'updated', before: { minLength: 8 }, after: { minLength: 15 } });
  });

  it('audit field, link and group changes separately with before and after', async () => {
    const account = await create('a@example.com');
    const other = await t.call('organisations:create', { name: 'Other BV' });
    const standard = (await t.call('role-groups:list', {})).find((g) => g.name === 'Standard');
    await t.call('portal-accounts:update', {
      id: account.id,
      nickname: 'Annie',
      links: [link(other.id)],
      roleGroupIds: [group.id, standard?.id ?? 0],
    });
    const entries = await audit(account.id);
    const byAction = Object.fromEntries(entries.map((e) => [e.action, e]));
    expect(byAction.updated).toMatchObject({ before: { nickname: null }, after: { nickname: 'Annie' } });
    expect(byAction['links-changed']).toMatchObject({
      before: { links: [{ organisationId: org.id, personId: person.id, isDefault: true }] },
      after: { links: [{ organisationId: other.id, personId: null, isDefault: true }] },
    });
    expect(byAction['groups-changed']).toMatchObject({ before: { roleGroupIds: [group.id] } });
  });

  it('deactivate and reactivate, voiding every token and session on deactivation', async () => {
    const account = await create('a@example.com');
    const stamp = (await row(account.id)).security_stamp;
    expect((await t.call('portal-accounts:set-active', { id: account.id, active: false })).status).toBe('deactivated');
    expect((await row(account.id)).security_stamp).toBe(stamp + 1);
    expect((await t.call('portal-accounts:set-active', { id: account.id, active: true })).status).toBe('no_access');
    expect((await audit(account.id)).map((e) => e.action).slice(0, 2)).toEqual(['reactivated', 'deactivated']);
  });

  it('change username deliberately: audited, unique, tokens voided, an open invitation ends', async () => {
    const account = await create('old@example.com');
    await create('taken@example.com', { links: [link(org.id)] });
    await t.core.deps.db
      .updateTable('portal_account')
      .set({ activation_sent_at: '2026-11-01T09:00:00.000Z', activation_expires_at: '2026-11-08T09:00:00.000Z' })
      .where('id', '=', account.id)
      .execute();
    expect((await t.call('portal-accounts:get', { id: account.id })).status).toBe('invited');
    expect((await errorOf(t.call('portal-accounts:change-username', { id: account.id, username: 'TAKEN@example.com' }))).code).toBe('CONFLICT');
    const stamp = (await row(account.id)).security_stamp;
    const changed = await t.call('portal-accounts:change-username', { id: account.id, username: 'new@example.com' });
    expect(changed).toMatchObject({ username: 'new@example.com', status: 'invitation_expired' });
    expect((await row(account.id)).security_stamp).toBe(stamp + 1);
    expect((await audit(account.id))[0]).toMatchObject({ action: 'username-changed', before: { username: 'old@example.com' }, after: { username: 'new@example.com' } });
  });

  it('show effective permissions as the union of their groups, each with the groups that grant it', async () => {
    const writers = await t.call('role-groups:create', { name: 'Writers', permissions: ['tickets.read', 'tickets.comment'] });
    const account = await create('a@example.com', { roleGroupIds: [group.id, writers.id] });
    const effective = await t.call('portal-accounts:effective-permissions', { id: account.id });
    expect(effective).toEqual([
      { key: 'tickets.read', grantedBy: [{ id: group.id, name: 'Readers' }, { id: writers.id, name: 'Writers' }] },
      { key: 'tickets.comment', grantedBy: [{ id: writers.id, name: 'Writers' }] },
      { key: 'documents.read', grantedBy: [{ id: group.id, name: 'Readers' }] },
    ]);
  });

  it('are created in bulk for persons, with a report per person', async () => {
    const noEmail = await t.call('persons:create', { organisationId: org.id, lastName: 'Without' });
    const same = await t.call('persons:create', { organisationId: org.id, lastName: 'Twin', email: 'anna.jansen@EXAMPLE.com' });
    const broken = await t.call('persons:create', { organisationId: org.id, lastName: 'Broken', email: 'broken@example.com' });
    await t.core.deps.db.updateTable('person').set({ email: 'not an email' }).where('id', '=', broken.id).execute();
    const report = await t.call('portal-accounts:create-for-persons', { personIds: [person.id, noEmail.id, same.id, broken.id], roleGroupIds: [group.id] });
    expect(report.map((r) => r.outcome)).toEqual(['created', 'skipped_no_email', 'skipped_duplicate', 'skipped_invalid_email']);
    const created = await t.call('portal-accounts:get', { id: report[0]?.accountId ?? 0 });
    expect(created).toMatchObject({ username: 'Anna.Jansen@example.com', links: [{ personId: person.id, isDefault: true }] });
    const again = await t.call('portal-accounts:create-for-persons', { personIds: [person.id], roleGroupIds: [group.id] });
    expect(again[0]?.outcome).toBe('skipped_duplicate');
  });

  it('keep their person while linked: deleting or moving the person is refused', async () => {
    await create('a@example.com');
    const other = await t.call('organisations:create', { name: 'Other BV' });
    expect((await errorOf(t.call('persons:delete', { id: person.id }))).code).toBe('IN_USE');
    const moved = await errorOf(t.call('persons:update', { id: person.id, organisationId: other.id, lastName: 'Jansen' }));
    expect(moved).toMatchObject({ code: 'IN_USE', fields: { organisationId: { code: 'invalid_value' } } });
  });

  it('can be deleted, audited with what they were', async () => {
    const account = await create('a@example.com');
    await t.call('portal-accounts:delete', { id: account.id });
    expect((await errorOf(t.call('portal-accounts:get', { id: account.id }))).code).toBe('NOT_FOUND');
    expect((await audit(account.id))[0]).toMatchObject({ action: 'deleted', before: { username: 'a@example.com' } });
  });
});

describe('who may grant access', () => {
  it('lets staff without the flag read accounts but not change them, in the core', async () => {
    const account = await create('a@example.com');
    await t.call('staff:create', { name: 'Plain', email: 'plain@example.com', password: 'Quiet-Harbour-72', role: 'staff', mayGrantAccess: false });
    const plain = await signedIn(t.core, 'plain@example.com', 'Quiet-Harbour-72');
    expect((await t.call('portal-accounts:get', { id: account.id }, plain)).username).toBe('a@example.com');
    const before = await databaseFingerprint(t.core);
    // One at a time: a refusal that came while the test awaited another would be an unhandled rejection.
    for (const attempt of [
      () => create('b@example.com', {}, plain),
      () => t.call('portal-accounts:set-active', { id: account.id, active: false }, plain),
      () => t.call('portal-accounts:update', { id: account.id, links: [link(org.id)], roleGroupIds: [group.id] }, plain),
      () => t.call('portal-accounts:change-username', { id: account.id, username: 'c@example.com' }, plain),
    ]) {
      expect((await errorOf(attempt())).code).toBe('FORBIDDEN');
    }
    expect(await databaseFingerprint(t.core)).toBe(before);
  });
});

describe('column preferences', () => {
  it('are kept per staff user, in catalog order, always with the username', async () => {
    expect(await t.call('preferences:get-account-columns', {})).toContain('lastSignInAt');
    expect(await t.call('preferences:set-account-columns', { columns: ['status', 'person'] })).toEqual(['username', 'person', 'status']);
    await t.call('staff:create', { name: 'Other', email: 'other@example.com', password: 'Quiet-Harbour-73', role: 'staff', mayGrantAccess: false });
    const other = await signedIn(t.core, 'other@example.com', 'Quiet-Harbour-73');
    expect(await t.call('preferences:get-account-columns', {}, other)).toEqual([...DEFAULT_ACCOUNT_COLUMNS]);
    expect(await t.call('preferences:get-account-columns', {})).toEqual(['username', 'person', 'status']);
  });
});

describe('the account list', () => {
  async function seedStates() {
    const ids: Record<string, number> = {};
    for (const name of ['never', 'invited', 'expired', 'active', 'off', 'locked']) ids[name] = (await create(`${name}@example.com`, { links: [link(org.id)] })).id;
    const set = (id: number | undefined, values: Record<string, string | number>) =>
      t.core.deps.db.updateTable('portal_account').set(values).where('id', '=', id ?? 0).execute();
    await set(ids.invited, { activation_sent_at: '2026-10-31T10:00:00.000Z', activation_expires_at: '2026-11-07T10:00:00.000Z' });
    await set(ids.expired, { activation_sent_at: '2026-10-01T10:00:00.000Z', activation_expires_at: '2026-10-08T10:00:00.000Z' });
    await set(ids.active, { activation_sent_at: '2026-10-01T10:00:00.000Z', activation_expires_at: '2026-10-08T10:00:00.000Z', activated_at: '2026-10-02T10:00:00.000Z' });
    await set(ids.off, { active: 0 });
    await set(ids.locked, { locked_until: '2026-11-01T11:00:00.000Z' });
    return ids;
  }

  const usernames = async (input: Record<string, unknown>) => (await t.call('portal-accounts:list', input)).rows.map((r) => r.username.split('@')[0]);

  it('shows each status and finds accounts by every quick filter', async () => {
    await seedStates();
    const rows = (await t.call('portal-accounts:list', {})).rows;
    expect(Object.fromEntries(rows.map((r) => [r.username.split('@')[0], r.status]))).toEqual({
      never: 'no_access',
      invited: 'invited',
      expired: 'invitation_expired',
      active: 'active',
      off: 'deactivated',
      locked: 'locked',
    });
    expect(await usernames({ filter: 'never_invited' })).toEqual(['locked', 'never', 'off']);
    expect(await usernames({ filter: 'invited' })).toEqual(['invited']);
    expect(await usernames({ filter: 'invitation_expired' })).toEqual(['expired']);
    expect(await usernames({ filter: 'activated' })).toEqual(['active']);
    expect(await usernames({ status: 'locked' })).toEqual(['locked']);
    // Time moves on: the open invitation runs out at its expiry instant, and the lock ends.
    now = new Date('2026-11-07T10:00:00.000Z');
    expect(await usernames({ filter: 'invitation_expired' })).toEqual(['expired', 'invited']);
    expect(await usernames({ status: 'no_access' })).toEqual(['locked', 'never']);
  });

  it('searches, filters by organisation, person and group, sorts and pages in SQL', async () => {
    await seedStates();
    const other = await t.call('organisations:create', { name: 'Zuivel Zeeland' });
    await create('zed@example.com', { links: [link(other.id)] });
    await create('anna@example.com');
    expect(await usernames({ search: 'zuivel' })).toEqual(['zed']);
    expect(await usernames({ search: 'JANSEN' })).toEqual(['anna']);
    expect(await usernames({ organisationId: other.id })).toEqual(['zed']);
    expect(await usernames({ personId: person.id })).toEqual(['anna']);
    expect((await t.call('portal-accounts:list', { roleGroupId: group.id })).total).toBe(8);
    expect((await usernames({ sort: 'organisation', direction: 'desc' }))[0]).toBe('zed');
    const page = await t.call('portal-accounts:list', { limit: 3, offset: 3 });
    expect(page.total).toBe(8);
    expect(page.rows.map((r) => r.username.split('@')[0])).toEqual(['invited', 'locked', 'never']);
    expect(page.rows[0]).toMatchObject({ organisations: ['Brouwerij De Ster'], roleGroups: ['Readers'] });
  });

  it('offers the nickname as a column', async () => {
    await create('nick@example.com', { nickname: 'Jörg at the gate' });
    await create('plain@example.com');
    const rows = (await t.call('portal-accounts:list', {})).rows;
    expect(rows.map((r) => [r.username, r.nickname])).toEqual([
      ['nick@example.com', 'Jörg at the gate'],
      ['plain@example.com', null],
    ]);
    // Offered, not shown until chosen: most accounts have no nickname.
    expect(await t.call('preferences:get-account-columns', {})).not.toContain('nickname');
    expect(await t.call('preferences:set-account-columns', { columns: ['username', 'nickname'] })).toEqual(['username', 'nickname']);
  });

  it('searches any part of username, nickname and linked names, in any case and without accents, and follows changes', async () => {
    const bakery = await t.call('organisations:create', { name: 'Bäckerei Müller' });
    const account = await create('info@example.com', { nickname: 'Ofen', links: [link(bakery.id)] });
    await create('anna@example.com');
    expect(await usernames({ search: 'BACKEREI' })).toEqual(['info']);
    expect(await usernames({ search: 'müll' })).toEqual(['info']);
    expect(await usernames({ search: 'ofe' })).toEqual(['info']);
    expect(await usernames({ search: 'jansen@ex' })).toEqual(['anna']);
    expect(await usernames({ search: 'a"b' })).toEqual([]);
    // One or two characters cannot use the trigram index; they are still found.
    expect(await usernames({ search: 'nf' })).toEqual(['info']);
    await t.call('organisations:update', { id: bakery.id, name: 'Konditorei Weber' });
    expect(await usernames({ search: 'bäckerei' })).toEqual([]);
    expect(await usernames({ search: 'konditorei' })).toEqual(['info']);
    await t.call('portal-accounts:change-username', { id: account.id, username: 'orders@example.com' });
    expect(await usernames({ search: 'orders' })).toEqual(['orders']);
    await t.call('portal-accounts:delete', { id: account.id });
    expect(await usernames({ search: 'konditorei' })).toEqual([]);
  });

  it('sorts by person name and follows a rename of the person or organisation', async () => {
    const bert = await t.call('persons:create', { organisationId: org.id, firstName: 'Bert', lastName: 'Aalders', email: 'bert@example.com' });
    await create('anna@example.com');
    await create('bert@example.com', { links: [link(org.id, bert.id)] });
    expect(await usernames({ sort: 'person' })).toEqual(['bert', 'anna']);
    await t.call('persons:update', { id: bert.id, organisationId: org.id, firstName: 'Bert', lastName: 'Zwart' });
    expect(await usernames({ sort: 'person' })).toEqual(['anna', 'bert']);
    await t.call('organisations:update', { id: org.id, name: 'Aaa Renamed' });
    // The sort copy is the name's key (shared/text-key.ts), so the list sorts like people read.
    expect((await row((await t.call('portal-accounts:list', {})).rows[0]?.id ?? 0)).organisation_sort).toBe('aaa renamed');
    expect((await sql<{ n: number }>`SELECT count(*) AS n FROM portal_account WHERE organisation_sort <> 'aaa renamed'`.execute(t.core.deps.db)).rows[0]?.n).toBe(0);
  });
});
