import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPortierCore } from '../../electron/core/portier-core';
import { runPortier as portier } from '../support/cli';
import { tempDataDir } from '../support/core';

const TABLES = ['staff', 'organisation', 'person', 'audit_log', 'setting'] as const;

function counts(file: string): Record<string, number> {
  const db = new SQLite(file, { readonly: true });
  try {
    return Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

let temp: ReturnType<typeof tempDataDir>;
let seeded: string;

beforeAll(async () => {
  temp = tempDataDir('portier-cli-');
  seeded = path.join(temp.dir, 'seeded');
  const run = await portier(['seed-demo', '--data-dir', seeded]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Portier-Demo-2025');
}, 60_000);

afterAll(() => temp.remove());

describe('portier CLI: usage', () => {
  it('exits 2 with a message for an unknown command, a missing command and a bad option', async () => {
    const [unknown, none, option, noFile, badPort] = await Promise.all([
      portier(['frobnicate']),
      portier([]),
      portier(['check', '--colour']),
      portier(['backup', '--data-dir', seeded]),
      portier(['serve', '--port', 'eighty']),
    ]);
    expect(unknown?.code).toBe(2);
    expect(unknown?.stderr).toContain('Unknown command "frobnicate"');
    expect(unknown?.stderr).not.toMatch(/\n\s+at /);
    expect(none?.code).toBe(2);
    expect(option?.code).toBe(2);
    expect(option?.stderr).toContain("Unknown option '--colour'");
    expect(option?.stderr).toContain('check --help');
    expect(noFile?.code).toBe(2);
    expect(noFile?.stderr).toContain('Missing FILE');
    expect(badPort?.code).toBe(2);
  }, 30_000);

  it('shows help for the CLI and for each command', async () => {
    const names = ['serve', 'seed-demo', 'backup', 'check'];
    // In parallel, in one process: each run has its own output (test/support/cli.ts).
    const [all, ...each] = await Promise.all([portier(['--help']), ...names.map((name) => portier([name, '--help']))]);
    expect(all?.code).toBe(0);
    names.forEach((name, i) => {
      expect(all?.stdout).toContain(name);
      expect(each[i]?.code, name).toBe(0);
      expect(each[i]?.stdout).toContain(`npm run portier -- ${name}`);
      expect(each[i]?.stdout).toContain('--data-dir');
    });
  }, 30_000);
});

describe('portier CLI: seed-demo and check', () => {
  it('seeds a realistic, audited data set that check finds ok', async () => {
    const check = await portier(['check', '--data-dir', seeded]);
    expect(check).toMatchObject({ code: 0, stdout: 'ok\n' });

    const core = await openPortierCore({ dataDir: seeded });
    try {
      const db = core.deps.db;
      const orgs = await db.selectFrom('organisation').selectAll().execute();
      expect(orgs.length).toBeGreaterThanOrEqual(18);
      expect(new Set(orgs.map((o) => o.country)).size).toBeGreaterThanOrEqual(8);
      expect(orgs.map((o) => o.name)).toEqual(expect.arrayContaining(['Bäckerei Müller GmbH', 'Ștefănescu Construcții SRL', 'Łódź Logistyka sp. z o.o.', 'Ørsted Rådgivning AS', "Café de l'Écluse"]));
      const childCounts = orgs.filter((o) => o.parent_id !== null).map((o) => o.parent_id);
      expect(childCounts).toHaveLength(3);
      expect(new Set(childCounts).size).toBe(1);
      const persons = await db.selectFrom('person').selectAll().execute();
      expect(persons.length).toBeGreaterThanOrEqual(55);
      expect(persons.every((p) => p.email && p.mobile)).toBe(true);
      const staff = await db.selectFrom('staff').selectAll().execute();
      expect(staff.map((s) => [s.role, s.may_grant_access]).sort()).toEqual([['administrator', 1], ['staff', 0], ['staff', 1]]);
      // Created ones: the demo contacts' ticket rights are audited on their person too (ticket-rights-changed).
      const audited = await db.selectFrom('audit_log').select('staff_id').where('entity', 'in', ['organisation', 'person']).where('action', '=', 'created').execute();
      expect(audited.length).toBe(orgs.length + persons.length);
      expect(audited.every((a) => a.staff_id !== null)).toBe(true);
    } finally {
      await core.close();
    }
  });

  it('refuses to seed a database that already has staff', async () => {
    const again = await portier(['seed-demo', '--data-dir', seeded]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has staff users');
  });

  it('takes the data folder from PORTIER_DATA_DIR too', async () => {
    expect(await portier(['check'], { PORTIER_DATA_DIR: seeded })).toMatchObject({ code: 0, stdout: 'ok\n' });
  });

  it('fails clearly where there is no database', async () => {
    const run = await portier(['check', '--data-dir', path.join(temp.dir, 'nothing-here')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('There is no Portier database');
    expect(fs.existsSync(path.join(temp.dir, 'nothing-here', 'portier.sqlite'))).toBe(false);
  });

  it('refuses a database written by a newer Portier and leaves it untouched', async () => {
    const dir = path.join(temp.dir, 'future');
    await (await openPortierCore({ dataDir: dir })).close();
    const file = path.join(dir, 'portier.sqlite');
    const db = new SQLite(file);
    db.pragma('user_version = 999');
    db.close();
    const before = fs.readFileSync(file);

    const run = await portier(['check', '--data-dir', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('newer version of Portier');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const after = new SQLite(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(999);
    after.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('portier CLI: backup', () => {
  it('writes a copy with the same rows, and refuses to overwrite it without --force', async () => {
    const target = path.join(temp.dir, 'backup.sqlite');
    const first = await portier(['backup', target, '--data-dir', seeded]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Backup written');
    expect(counts(target)).toEqual(counts(path.join(seeded, 'portier.sqlite')));
    const copy = new SQLite(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();

    const refused = await portier(['backup', target, '--data-dir', seeded]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--force');
    expect((await portier(['backup', target, '--force', '--data-dir', seeded])).code).toBe(0);
    expect(counts(target)).toEqual(counts(path.join(seeded, 'portier.sqlite')));
  });
});
