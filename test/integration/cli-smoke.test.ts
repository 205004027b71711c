import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_HASH_COST } from '../../electron/core/auth/password-hash';
import { npmRunPortier } from '../support/cli';
import { tempDataDir } from '../support/core';

/**
 * The other CLI tests run its entry point in the test's process (fast); these two start it
 * as a user does, `npm run portier -- ...`, to prove the real program starts, exits with its
 * codes, and keeps the production password hash cost (tests hash cheaply, the CLI never).
 */
let temp: ReturnType<typeof tempDataDir>;
beforeAll(() => {
  temp = tempDataDir('portier-cli-smoke-');
});
afterAll(() => temp.remove());

describe('npm run portier (the real program)', () => {
  it('prints its help with exit 0, and refuses an unknown command with exit 2 and no stack trace', async () => {
    const [help, unknown] = await Promise.all([npmRunPortier(['--help']), npmRunPortier(['frobnicate'])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run portier -- <command>');
    expect(help.stdout).toMatch(/seed-demo[\s\S]*accounts[\s\S]*outbox/);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('seeds a data folder that check finds ok, with passwords hashed at the production cost', async () => {
    const dataDir = path.join(temp.dir, 'seeded');
    const seeded = await npmRunPortier(['seed-demo', '--data-dir', dataDir]);
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    expect(await npmRunPortier(['check'], { PORTIER_DATA_DIR: dataDir })).toMatchObject({ code: 0, stdout: 'ok\n' });
    const db = new SQLite(path.join(dataDir, 'portier.sqlite'), { readonly: true });
    try {
      const hashes = (db.prepare('SELECT password_hash AS hash FROM staff').all() as { hash: string }[]).map((r) => r.hash);
      expect(hashes.length).toBeGreaterThan(0);
      const { memoryCost, timeCost, parallelism } = PASSWORD_HASH_COST;
      for (const hash of hashes) expect(hash).toMatch(new RegExp(`^\\$argon2id\\$v=19\\$m=${memoryCost},t=${timeCost},p=${parallelism}\\$`));
    } finally {
      db.close();
    }
  }, 120_000);
});
