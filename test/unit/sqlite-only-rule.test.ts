import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Issue 13, point 2: no PRAGMA, MATCH, rowid or SQLite error code (nor json_each, NOCASE, INDEXED
 * BY, group_concat, instr, ifnull) outside the SQLite dialect. Switched on in the project config;
 * here also on snippets under made-up file names (at warning level, as `npx eslint --rule` does),
 * so the test follows the rule and the paths it spares.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const RULE = 'portier/sqlite-only-in-dialect';
const eslint = new ESLint({ cwd: ROOT, overrideConfig: { rules: { [RULE]: 'warn' } } });

const SQLITE_ONLY = `import { sql } from 'kysely';

export const version = 'PRAGMA user_version';
export const search = (q: string) => sql\`SELECT rowid FROM account_search WHERE account_search MATCH \${q}\`;
export const busy = (e: { code?: string }) => e.code === 'SQLITE_BUSY';
export const ids = (json: string) => sql\`SELECT value FROM json_each(\${json}) ORDER BY name COLLATE NOCASE\`;
`;

const PORTABLE = `export const title = 'A match of two accounts';
export const query = \`SELECT id FROM portal_account WHERE lower(username) = ?\`;
`;

async function findings(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => `${m.line}: ${m.message.split(' is SQLite-only')[0] ?? ''}`);
}

describe('the rule that keeps SQLite-only SQL in the SQLite dialect', () => {
  it('reports PRAGMA, rowid, MATCH and SQLite error codes in string and template literals elsewhere', async () => {
    expect(await findings(SQLITE_ONLY, 'electron/core/portal-accounts/example-repository.ts')).toEqual([
      '3: PRAGMA',
      '4: MATCH (FTS5)',
      '4: rowid',
      '5: a SQLite error code (SQLITE_...)',
      '6: json_each',
      '6: COLLATE NOCASE',
    ]);
    expect(await findings(SQLITE_ONLY, 'shared/example.ts')).toHaveLength(6);
  });

  it('is warning-level: it reports, but does not fail the lint by itself', async () => {
    const [result] = await eslint.lintText(SQLITE_ONLY, { filePath: path.join(ROOT, 'electron/core/example-service.ts') });
    expect(result?.messages.filter((m) => m.ruleId === RULE).every((m) => m.severity === 1)).toBe(true);
  });

  it('lets the SQLite dialect and the migrations say them', async () => {
    expect(await findings(SQLITE_ONLY, 'electron/core/db/dialect/sqlite.ts')).toEqual([]);
    expect(await findings(SQLITE_ONLY, 'electron/core/db/dialect/sqlite-migration.ts')).toEqual([]);
    expect(await findings(SQLITE_ONLY, 'electron/core/db/migrations/9999-example.ts')).toEqual([]);
    // The PostgreSQL dialect is no home for them.
    expect(await findings(SQLITE_ONLY, 'electron/core/db/dialect/postgres.ts')).toHaveLength(6);
  });

  it('leaves portable SQL and plain English alone', async () => {
    expect(await findings(PORTABLE, 'electron/core/portal-accounts/example-repository.ts')).toEqual([]);
  });

  it('is on in the project config: an error outside the dialect fails the lint', async () => {
    const plain = new ESLint({ cwd: ROOT });
    const [result] = await plain.lintText(SQLITE_ONLY, { filePath: path.join(ROOT, 'electron/core/portal-accounts/example-repository.ts') });
    const found = result?.messages.filter((m) => m.ruleId === RULE) ?? [];
    expect(found).toHaveLength(6);
    expect(found.every((m) => m.severity === 2)).toBe(true);
  });

  it('finds nothing in the code as it is (the lint of electron/ and shared/)', async () => {
    const plain = new ESLint({ cwd: ROOT });
    const results = await plain.lintFiles(['electron', 'shared']);
    expect(results.flatMap((r) => r.messages.filter((m) => m.ruleId === RULE).map((m) => `${path.relative(ROOT, r.filePath)}:${m.line}`))).toEqual([]);
  }, 120_000);
});
