import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSessionSlot } from '../../electron/core/auth/session';
import { openPortierCore } from '../../electron/core/portier-core';
import { runPortier } from '../support/cli';
import { ADMIN, startTestCore, tempDataDir, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(async () => {
  await t.close();
});

const entries = (entity: 'organisation' | 'person' | 'portal-account' | 'role-group', entityId: number) =>
  t.call('audit:list', { entity, entityId }).then((p) => [...p.rows].reverse());

describe('audit log: what an entry says stays true', () => {
  it('keeps the name a record had when the entry was written, after a rename and after the delete', async () => {
    const org = await t.call('organisations:create', { name: 'Brouwerij De Ster' });
    await t.call('organisations:update', { id: org.id, name: 'De Ster BV' });
    await t.call('organisations:delete', { id: org.id });
    const rows = await entries('organisation', org.id);
    expect(rows.map((r) => [r.action, r.label, r.exists])).toEqual([
      ['created', 'Brouwerij De Ster', false],
      ['updated', 'De Ster BV', false],
      ['deleted', 'De Ster BV', false],
    ]);
  });

  it('names referenced records as they were: a person\'s organisation, an account\'s links and role groups', async () => {
    const org = await t.call('organisations:create', { name: 'Old Name' });
    const person = await t.call('persons:create', { organisationId: org.id, firstName: 'Anna', lastName: 'Jansen', email: 'anna@example.com' });
    const group = await t.call('role-groups:create', { name: 'Readers', permissions: ['tickets.read'] });
    const account = await t.call('portal-accounts:create', {
      username: 'anna@example.com',
      links: [{ organisationId: org.id, personId: person.id, isDefault: true }],
      roleGroupIds: [group.id],
    });
    await t.call('organisations:update', { id: org.id, name: 'New Name' });
    await t.call('role-groups:update', { id: group.id, name: 'Viewers', description: '', permissions: ['tickets.read'] });

    const [personCreated] = await entries('person', person.id);
    expect(personCreated?.label).toBe('Anna Jansen');
    expect(personCreated?.exists).toBe(true);
    expect(personCreated?.names).toEqual({ [`organisation:${org.id}`]: 'Old Name' });
    const [accountCreated] = await entries('portal-account', account.id);
    expect(accountCreated?.label).toBe('anna@example.com');
    expect(accountCreated?.names).toEqual({
      [`organisation:${org.id}`]: 'Old Name',
      [`person:${person.id}`]: 'Anna Jansen',
      [`role-group:${group.id}`]: 'Readers',
    });
    expect(accountCreated?.via).toBe('app');
    expect(accountCreated?.staffName).toBe(ADMIN.name);
  });
});

describe('audit log: the command line', () => {
  it('marks what the CLI did as done from the command line, and what the app did as done in the app', async () => {
    const temp = tempDataDir('portier-audit-cli-');
    try {
      const dataDir = path.join(temp.dir, 'data');
      let core = await openPortierCore({ dataDir });
      const admin = newSessionSlot();
      await core.call(admin, 'setup:create-administrator', { ...ADMIN });
      const org = await core.call(admin, 'organisations:create', { name: 'Kaasmakerij Gouda' });
      await core.close();

      const csv = path.join(temp.dir, 'accounts.csv');
      fs.writeFileSync(csv, `email,organisation\npiet@example.com,${org.id}\n`);
      const run = await runPortier(['import', 'accounts', csv, '--data-dir', dataDir]);
      // stderr carries the import's progress line, nothing else.
      expect(run.stderr.trim()).toBe('Imported 1 of 1 rows');
      expect(run.code).toBe(0);

      core = await openPortierCore({ dataDir });
      try {
        await core.call(admin, 'session:sign-in', { email: ADMIN.email, password: ADMIN.password });
        const accounts = await core.call(admin, 'audit:list', { entity: 'portal-account' });
        expect(accounts.rows.map((r) => [r.action, r.label, r.via])).toEqual([['created', 'piet@example.com', 'cli']]);
        const organisations = await core.call(admin, 'audit:list', { entity: 'organisation' });
        expect(organisations.rows.map((r) => [r.action, r.via])).toEqual([['created', 'app']]);
      } finally {
        await core.close();
      }
    } finally {
      temp.remove();
    }
  }, 60_000);

  it('marks what seed-demo wrote as done from the command line', async () => {
    const temp = tempDataDir('portier-audit-seed-');
    try {
      const dataDir = path.join(temp.dir, 'data');
      const run = await runPortier(['seed-demo', '--data-dir', dataDir]);
      expect(run.code).toBe(0);
      const db = new SQLite(path.join(dataDir, 'portier.sqlite'), { readonly: true });
      try {
        const ways = db.prepare('SELECT via, count(*) AS n FROM audit_log GROUP BY via').all() as { via: string; n: number }[];
        expect(ways.map((w) => w.via)).toEqual(['cli']);
        expect(ways[0]?.n).toBeGreaterThan(10);
      } finally {
        db.close();
      }
    } finally {
      temp.remove();
    }
  }, 120_000);
});
