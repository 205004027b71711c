import type SQLite from 'better-sqlite3';
import { nicknameKey, searchDocument } from '../electron/core/account-index/account-index-repository';
import { kyselyFor } from '../electron/core/db/connection';

/**
 * Fills a migrated Portier database with `accounts` portal accounts and what they
 * link to, fast: indexes are dropped and rebuilt around one transaction of
 * multi-row INSERTs through prepared statements. Deterministic for a seed.
 *
 * Spread (per account): 85 % linked to a person of their default organisation,
 * 10 % with a second organisation, 20 % in two role groups; statuses about 30 %
 * never invited, 15 % invited, 10 % invitation expired, 40 % active (most signed
 * in), 3 % deactivated, 2 % locked. One organisation per 50 accounts (20,000 at 1M).
 */
export interface GeneratedCounts {
  accounts: number;
  organisations: number;
  persons: number;
  links: number;
  groupMemberships: number;
}

const FIRST = ['Anna', 'Jan', 'Pieter', 'Sofie', 'Lukas', 'Emma', 'Noah', 'Mila', 'Finn', 'Lotte', 'Max', 'Julia', 'Daan', 'Sara', 'Tim', 'Eva', 'Jonas', 'Lea', 'Ruben', 'Nina'];
const LAST = [
  'de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Müller', 'Schmidt',
  'Schneider', 'Fischer', 'Weber', 'Becker', 'Wagner', 'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Willems', 'Smith', 'Brown', 'Taylor',
  'Wilson', 'Evans', 'Roberts', 'Dubois', 'Martin', 'Bernard', 'Lambert', 'Dupont', 'Nowak', 'Kowalski', 'Popescu', 'Ionescu', 'Horvat',
];
const ORG_WORDS = ['Bouw', 'Techniek', 'Logistik', 'Zorg', 'Handel', 'Consult', 'Energie', 'Media', 'Transport', 'Finance', 'Food', 'Metaal'];
const ORG_KINDS = ['B.V.', 'GmbH', 'NV', 'Ltd', 'AG', 'BVBA'];

/** mulberry32: small, fast, seedable. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;

/** Batches rows into multi-row INSERTs of `perStatement` rows through one prepared statement. */
export function inserter(sqlite: SQLite.Database, table: string, columns: readonly string[], perStatement = 500) {
  const row = `(${columns.map(() => '?').join(',')})`;
  const full = sqlite.prepare(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${Array(perStatement).fill(row).join(',')}`);
  let buffer: unknown[] = [];
  let rows = 0;
  let total = 0;
  const flushRest = () => {
    if (rows === 0) return;
    sqlite.prepare(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${Array(rows).fill(row).join(',')}`).run(buffer);
    buffer = [];
    rows = 0;
  };
  return {
    add(values: readonly unknown[]) {
      buffer.push(...values);
      rows += 1;
      total += 1;
      if (rows === perStatement) {
        full.run(buffer);
        buffer = [];
        rows = 0;
      }
    },
    finish(): number {
      flushRest();
      return total;
    },
  };
}

export function generateAccounts(sqlite: SQLite.Database, accounts: number, now: Date, seed = 42): GeneratedCounts {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const nowMs = now.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const created = iso(nowMs - 400 * DAY);

  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('journal_mode = MEMORY');
  sqlite.pragma('synchronous = OFF');
  const tables = ['organisation', 'person', 'portal_account', 'portal_account_link', 'portal_account_role_group'];
  const indexes = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(',')})`)
    .all(...tables) as { name: string; sql: string }[];
  for (const index of indexes) sqlite.exec(`DROP INDEX ${index.name}`);

  const groupIds = (sqlite.prepare('SELECT id FROM role_group ORDER BY id').all() as { id: number }[]).map((g) => g.id);
  const organisationCount = Math.max(10, Math.round(accounts / 50));
  const counts = { accounts, organisations: organisationCount, persons: 0, links: 0, groupMemberships: 0 };

  sqlite.transaction(() => {
    const staff = inserter(sqlite, 'staff', ['name', 'email', 'email_key', 'password_hash', 'role', 'may_grant_access', 'created_at', 'updated_at'], 1);
    for (const [i, name] of ['Anna de Vries', 'Jonas Becker', 'Sofie Peeters'].entries()) {
      const email = `staff${i}@portier-bench.example`;
      staff.add([name, email, email, 'not-a-hash', i === 0 ? 'administrator' : 'staff', 1, created, created]);
    }
    staff.finish();
    const staffIds = (sqlite.prepare('SELECT id FROM staff ORDER BY id').all() as { id: number }[]).map((s) => s.id);
    const firstOrg = Number((sqlite.prepare('SELECT coalesce(max(id), 0) AS m FROM organisation').get() as { m: number }).m) + 1;
    const firstPerson = Number((sqlite.prepare('SELECT coalesce(max(id), 0) AS m FROM person').get() as { m: number }).m) + 1;
    const firstAccount = Number((sqlite.prepare('SELECT coalesce(max(id), 0) AS m FROM portal_account').get() as { m: number }).m) + 1;

    const orgNames: string[] = [];
    const orgs = inserter(sqlite, 'organisation', ['id', 'name', 'customer_number', 'city', 'country', 'language', 'created_at', 'updated_at']);
    for (let i = 0; i < organisationCount; i++) {
      const name = `${pick(ORG_WORDS)} ${pick(LAST)} ${i} ${pick(ORG_KINDS)}`;
      orgNames.push(name);
      orgs.add([firstOrg + i, name, `C${String(i).padStart(7, '0')}`, 'Utrecht', pick(['NL', 'DE', 'BE', 'GB']), 'default', created, created]);
    }
    orgs.finish();

    const persons = inserter(sqlite, 'person', ['id', 'organisation_id', 'first_name', 'last_name', 'email', 'language', 'created_at', 'updated_at']);
    const account = inserter(sqlite, 'portal_account', [
      'id', 'username', 'username_key', 'nickname', 'nickname_key', 'language', 'active', 'password_hash', 'activated_at', 'activation_sent_at',
      'activation_sent_by', 'activation_expires_at', 'last_sign_in_at', 'locked_until', 'person_sort', 'organisation_sort', 'created_at', 'updated_at',
      'lapsed_expiry',
    ]);
    const links = inserter(sqlite, 'portal_account_link', ['account_id', 'organisation_id', 'person_id', 'is_default']);
    const groups = inserter(sqlite, 'portal_account_role_group', ['account_id', 'role_group_id']);
    let personId = firstPerson;

    for (let i = 0; i < accounts; i++) {
      const id = firstAccount + i;
      const orgIndex = Math.floor(rnd() * organisationCount);
      const orgId = firstOrg + orgIndex;
      const first = pick(FIRST);
      const last = pick(LAST);
      const username = `${first}.${last.replace(/\s/g, '')}.${i}@org${orgIndex}.example`;
      let person: number | null = null;
      if (rnd() < 0.85) {
        person = personId++;
        persons.add([person, orgId, first, last, username, 'default', created, created]);
      }
      const roll = rnd();
      let activatedAt: string | null = null;
      let sentAt: string | null = null;
      let sentBy: number | null = null;
      let expiresAt: string | null = null;
      let lastSignIn: string | null = null;
      let lockedUntil: string | null = null;
      let active = 1;
      if (roll >= 0.3) {
        // invited (0.30-0.45), expired (0.45-0.55), activated (0.55+), some of those deactivated or locked.
        const sentMs = roll < 0.45 ? nowMs - rnd() * 10 * DAY : nowMs - (20 + rnd() * 300) * DAY;
        sentAt = iso(sentMs);
        sentBy = pick(staffIds);
        expiresAt = iso(sentMs + 14 * DAY);
        if (roll >= 0.55) {
          activatedAt = iso(sentMs + rnd() * 5 * DAY);
          expiresAt = null;
          if (rnd() < 0.9) lastSignIn = iso(nowMs - rnd() * 60 * DAY);
        }
        if (roll >= 0.95 && roll < 0.98) active = 0;
        if (roll >= 0.98) lockedUntil = iso(nowMs + rnd() * DAY);
      }
      const nickname = rnd() < 0.1 ? `${first} ${i}` : null;
      account.add([
        id, username, username.toLowerCase(), nickname, nicknameKey(nickname), 'default', active, null, activatedAt, sentAt, sentBy,
        expiresAt, lastSignIn, lockedUntil, person === null ? null : `${last} ${first}`, orgNames[orgIndex], created, created,
        // As the back office's invitation sweep leaves an invitation that has run out (migration 0024).
        activatedAt === null && expiresAt !== null && expiresAt <= iso(nowMs) ? expiresAt : null,
      ]);
      links.add([id, orgId, person, 1]);
      if (rnd() < 0.1) {
        const other = (orgIndex + 1 + Math.floor(rnd() * (organisationCount - 1))) % organisationCount;
        links.add([id, firstOrg + other, null, 0]);
      }
      const group = pick(groupIds);
      groups.add([id, group]);
      if (rnd() < 0.2) {
        const second = groupIds[(groupIds.indexOf(group) + 1) % groupIds.length];
        if (second !== undefined && second !== group) groups.add([id, second]);
      }
    }
    counts.persons = persons.finish();
    account.finish();
    counts.links = links.finish();
    counts.groupMemberships = groups.finish();
  })();

  for (const index of indexes) sqlite.exec(index.sql);
  // The search documents, as refreshAccountIndex writes them one account at a time.
  sqlite.exec(`UPDATE portal_account AS a SET search_document = ${searchDocument(kyselyFor(sqlite)).compile(kyselyFor(sqlite)).sql}`);
  sqlite.exec(`INSERT INTO portal_account_search (rowid, document, stage) SELECT id, search_document, search_stage FROM portal_account`);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  return counts;
}
