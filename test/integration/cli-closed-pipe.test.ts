import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSessionSlot } from '../../electron/core/auth/session';
import { openPortierCore } from '../../electron/core/portier-core';
import { runPortier, runPortierReadingFirstLine } from '../support/cli';
import { ADMIN, tempDataDir } from '../support/core';

/** Issue 9, point 9: `portier accounts list --json | head -1` ends quietly. */
let temp: ReturnType<typeof tempDataDir>;
let dataDir: string;
const ACCOUNTS = 400; // about 200 KB of JSON Lines: more than a pipe holds, so writes meet the closed pipe

beforeAll(async () => {
  temp = tempDataDir('portier-cli-pipe-');
  dataDir = path.join(temp.dir, 'data');
  const core = await openPortierCore({ dataDir });
  try {
    const admin = newSessionSlot();
    await core.call(admin, 'setup:create-administrator', { ...ADMIN });
    const org = await core.call(admin, 'organisations:create', { name: 'Pipe Holding BV' });
    const [group] = await core.call(admin, 'role-groups:list', {});
    for (let i = 0; i < ACCOUNTS; i += 1) {
      await core.call(admin, 'portal-accounts:create', {
        username: `reader.${String(i).padStart(4, '0')}@pipe.example`,
        links: [{ organisationId: org.id, personId: null, isDefault: true }],
        roleGroupIds: [group?.id ?? 0],
      });
    }
  } finally {
    await core.close();
  }
}, 120_000);
afterAll(() => temp.remove());

describe('the CLI when its reader goes away', () => {
  it('accounts list --json | head -1: one line, then a quiet exit 0, no stack trace', async () => {
    const run = await runPortierReadingFirstLine(['accounts', 'list', '--json', '--data-dir', dataDir]);
    expect((JSON.parse(run.firstLine) as { username: string }).username).toMatch(/@pipe\.example$/);
    expect(run.stderr).toBe('');
    expect({ code: run.code, signal: run.signal }).toEqual({ code: 0, signal: null });
  }, 60_000);

  it('the table too, and the whole list still comes out when the reader reads it all', async () => {
    const table = await runPortierReadingFirstLine(['accounts', 'list', '--data-dir', dataDir]);
    expect(table.firstLine).toMatch(/^ID\s+USERNAME/);
    expect(table.stderr).toBe('');
    expect(table.code).toBe(0);
    const all = await runPortier(['accounts', 'list', '--json', '--data-dir', dataDir]);
    expect(all.code).toBe(0);
    expect(all.stdout.trim().split('\n')).toHaveLength(ACCOUNTS);
  }, 60_000);
});

describe('the CLI help on --json', () => {
  it('says the output is JSON Lines, overall and per command', async () => {
    const [overall, accounts, outbox] = await Promise.all([runPortier(['--help']), runPortier(['accounts', '--help']), runPortier(['outbox', '--help'])]);
    expect(overall.stdout).toMatch(/--json.*JSON Lines/s);
    expect(overall.stdout).toMatch(/head -1/);
    expect(accounts.stdout).toContain('--json as JSON Lines (one account per line)');
    expect(accounts.stdout).toContain('with --json as JSON Lines');
    expect(outbox.stdout).toContain('--json: JSON Lines, one mail per line');
  }, 60_000);
});
