import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandLineAs } from '../../electron/cli/cli-session';
import { demoEmailLocalPart } from '../../electron/cli/demo-data';
import { openPortierCore } from '../../electron/core/portier-core';
import { runPortier as portier } from '../support/cli';
import { tempDataDir } from '../support/core';


let temp: ReturnType<typeof tempDataDir>;
let dataDir: string;
const data = () => ['--data-dir', dataDir];
const query = <T>(sql: string, ...params: unknown[]): T[] => {
  const db = new SQLite(path.join(dataDir, 'portier.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
};
const accountCount = () => query<{ n: number }>('SELECT count(*) AS n FROM portal_account')[0]?.n ?? 0;
const LIEN = `${demoEmailLocalPart('Lien', 'Claes')}@vdb-bouw.example`;
const WIM = `${demoEmailLocalPart('Wim', 'Maes')}@vdb-bouw.example`;

beforeAll(async () => {
  temp = tempDataDir('portier-cli-accounts-');
  dataDir = path.join(temp.dir, 'data');
  const seeded = await portier(['seed-demo', ...data()]);
  expect(seeded.code).toBe(0);
  // Two organisations of one name (an ambiguous reference) and one with a comma in its name.
  const core = await openPortierCore({ dataDir });
  try {
    const admin = await commandLineAs(core);
    for (const name of ['Twin Holding', 'twin holding', 'Müller, Söhne & Co']) await admin.call('organisations:create', { name });
  } finally {
    await core.close();
  }
}, 60_000);

afterAll(() => temp.remove());

describe('portier accounts list', () => {
  it('prints every account as JSON Lines, and filters by status', async () => {
    const [all, deactivated, bad] = await Promise.all([
      portier(['accounts', 'list', '--json', ...data()]),
      portier(['accounts', 'list', '--status', 'deactivated', '--json', ...data()]),
      portier(['accounts', 'list', '--status', 'sleeping', ...data()]),
    ]);
    expect(all.stderr).toBe('');
    const rows = all.stdout.trim().split('\n').map((l) => JSON.parse(l) as { username: string; status: string });
    expect(rows).toHaveLength(accountCount());
    const off = deactivated.stdout.trim().split('\n').map((l) => JSON.parse(l) as { status: string });
    expect(off.length).toBeGreaterThan(0);
    expect(off.every((r) => r.status === 'deactivated')).toBe(true);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--status must be one of');
  }, 30_000);

  it('prints a table with a count, and searches', async () => {
    const run = await portier(['accounts', 'list', '--search', 'vdb-bouw', ...data()]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^ID\s+USERNAME\s+STATUS/);
    expect(run.stdout).toContain('Vandenberghe Bouw NV');
    expect(run.stdout).toMatch(/\d+ accounts?\n$/);
  }, 30_000);
});

describe('portier accounts create', () => {
  it('creates an account by organisation name (any case), person email and group names, audited as the administrator', async () => {
    const run = await portier(['accounts', 'create', '--email', LIEN, '--organisation', 'vandenberghe bouw nv', '--person', LIEN, '--group', 'client', '--group', 'Partner', '--json', ...data()]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const account = JSON.parse(run.stdout) as { id: number; username: string; status: string; links: { organisationName: string; personName: string | null }[]; roleGroupIds: number[] };
    expect(account).toMatchObject({ username: LIEN, status: 'no_access' });
    expect(account.links).toEqual([expect.objectContaining({ organisationName: 'Vandenberghe Bouw NV', personName: 'Lien Claes' })]);
    expect(account.roleGroupIds).toHaveLength(2);
    const audit = query<{ staff_id: number | null }>("SELECT staff_id FROM audit_log WHERE entity_id = ? AND action LIKE '%create%' ORDER BY id DESC LIMIT 1", account.id);
    expect(audit[0]?.staff_id).toBe(1);
  }, 30_000);

  it('puts an account without --group into Standard', async () => {
    const run = await portier(['accounts', 'create', '--email', 'nobody.special@example.com', '--organisation', 'Vandenberghe Bouw NV', ...data()]);
    expect(run.code).toBe(0);
    const groups = query<{ name: string }>(
      "SELECT g.name FROM portal_account a JOIN portal_account_role_group m ON m.account_id = a.id JOIN role_group g ON g.id = m.role_group_id WHERE a.username_key = 'nobody.special@example.com'",
    );
    expect(groups).toEqual([{ name: 'Standard' }]);
  }, 30_000);

  it('refuses an ambiguous or unknown organisation, an unknown group, a duplicate username and missing options', async () => {
    const before = accountCount();
    const [ambiguous, unknown, group, duplicate, missing, otherOrg] = await Promise.all([
      portier(['accounts', 'create', '--email', 'a1@example.com', '--organisation', 'Twin Holding', ...data()]),
      portier(['accounts', 'create', '--email', 'a2@example.com', '--organisation', 'No Such Company', ...data()]),
      portier(['accounts', 'create', '--email', 'a3@example.com', '--organisation', 'Vandenberghe Bouw NV', '--group', 'Wizards', ...data()]),
      portier(['accounts', 'create', '--email', LIEN.toUpperCase(), '--organisation', 'Vandenberghe Bouw NV', ...data()]),
      portier(['accounts', 'create', '--organisation', 'Vandenberghe Bouw NV', ...data()]),
      portier(['accounts', 'create', '--email', 'a4@example.com', '--organisation', 'Bäckerei Müller GmbH', '--person', WIM, ...data()]),
    ]);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/organisation name "Twin Holding" is ambiguous \(ids \d+, \d+\)/);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no organisation "No Such Company"');
    expect(group.code).toBe(1);
    expect(group.stderr).toContain('no role group "Wizards"');
    expect(duplicate.code).toBe(1);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Missing --email');
    expect(otherOrg.code).toBe(1);
    expect(otherOrg.stderr).toContain('no person with email');
    for (const run of [ambiguous, unknown, group, duplicate, otherOrg]) expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(accountCount()).toBe(before);
  }, 30_000);
});

describe('portier import accounts', () => {
  const CSV = [
    '\uFEFFEmail,Organisation,Person_Email,Groups,Nickname,Language',
    `${WIM},Vandenberghe Bouw NV,${WIM},Client;Partner,"Wim, the builder",nl`,
    'first.comma@example.com,"Müller, Söhne & Co",,,,',
    'unknown.org@example.com,Nope BV,,,,',
    'FIRST.COMMA@example.com,Vandenberghe Bouw NV,,,,',
    `${LIEN},Vandenberghe Bouw NV,,,,`,
    'bad.language@example.com,Vandenberghe Bouw NV,,,,fr',
    'bad.group@example.com,Vandenberghe Bouw NV,,Client;Wizards,,',
    'not-an-email,Vandenberghe Bouw NV,,,,',
    'twin@example.com,twin holding,,,,',
    '"multi',
    'line@example.com",Vandenberghe Bouw NV,,Standard,,en',
  ].join('\r\n');

  it('imports the good rows, lists each rejected row with its line and reason, and exits 1', async () => {
    const file = path.join(temp.dir, 'accounts.csv');
    fs.writeFileSync(file, CSV);
    const before = accountCount();
    const dry = await portier(['import', 'accounts', file, '--dry-run', ...data()]);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('2 would be created, 8 rejected.');
    expect(accountCount()).toBe(before);

    const run = await portier(['import', 'accounts', file, ...data()]);
    // Not a terminal: progress comes as a line per chunk, the file's 10 rows in one chunk.
    expect(run.stderr).toBe('Imported 10 of 10 rows\n');
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^line 2: created .+ \(id \d+\)$/),
      expect.stringMatching(/^line 3: created first\.comma@example\.com \(id \d+\)$/),
      'line 4: rejected unknown.org@example.com: no organisation "Nope BV"',
      'line 5: rejected FIRST.COMMA@example.com: same email as line 3',
      `line 6: rejected ${LIEN}: a portal account ${LIEN} already exists`,
      expect.stringMatching(/^line 7: rejected bad\.language@example\.com: language "fr" is not one of/),
      expect.stringMatching(/^line 8: rejected bad\.group@example\.com: no role group "Wizards"/),
      expect.stringMatching(/^line 9: rejected not-an-email: username: /),
      expect.stringMatching(/^line 10: rejected twin@example\.com: organisation name "twin holding" is ambiguous/),
      expect.stringMatching(/^line 11: rejected "multi\\r\\nline@example\.com": username: /),
      '2 created, 8 rejected.',
    ]);
    expect(accountCount()).toBe(before + 2);
    const wim = query<{ nickname: string; language: string; person_id: number | null }>(
      'SELECT a.nickname, a.language, l.person_id FROM portal_account a JOIN portal_account_link l ON l.account_id = a.id WHERE a.username_key = ?',
      WIM,
    );
    expect(wim).toEqual([{ nickname: 'Wim, the builder', language: 'nl', person_id: expect.any(Number) }]);
  }, 60_000);

  it('reads a file as Dutch Excel saves it: semicolons, Windows-1252, CRLF; and refuses bytes that are no text', async () => {
    const cp1252 = (text: string) => Buffer.from([...text].map((c) => ({ é: 0xe9, ö: 0xf6, ß: 0xdf, ü: 0xfc })[c] ?? c.charCodeAt(0)));
    const file = path.join(temp.dir, 'excel-nl.csv');
    fs.writeFileSync(file, cp1252('E-mail;Organisation;Nickname\r\nexcel.nl@example.com;Vandenberghe Bouw NV;Jörg Müller-Straße, André\r\n'.replace('E-mail', 'Email')));
    const run = await portier(['import', 'accounts', file, ...data()]);
    expect(run.stderr).toContain('read as Windows-1252');
    expect(run.stdout).toContain('1 created, 0 rejected.');
    expect(query<{ nickname: string }>('SELECT nickname FROM portal_account WHERE username_key = ?', 'excel.nl@example.com')).toEqual([
      { nickname: 'Jörg Müller-Straße, André' },
    ]);
    const binary = path.join(temp.dir, 'binary.csv');
    fs.writeFileSync(binary, Buffer.from([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0x81, 0x00, 0x0a]));
    const refused = await portier(['import', 'accounts', binary, ...data()]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('line 2 is neither UTF-8 nor Windows-1252 text');
    expect(refused.stderr).toContain('Nothing was imported');
  }, 30_000);

  it('refuses an unusable file as a whole', async () => {
    const file = path.join(temp.dir, 'bad.csv');
    fs.writeFileSync(file, 'email,organisation,shoe_size\nx@example.com,Acme,42\n');
    const before = accountCount();
    const run = await portier(['import', 'accounts', file, ...data()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unknown column "shoe_size"');
    expect(run.stderr).toContain('Nothing was imported');
    const missing = await portier(['import', 'accounts', ...data()]);
    expect(missing.code).toBe(2);
    expect(accountCount()).toBe(before);
  }, 30_000);
});
