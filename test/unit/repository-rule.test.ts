import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Issue 10, point 3: SQL only in repositories. The project's own ESLint config is run on a
 * snippet under made-up file names, so the test follows the rule and the paths it spares.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const RULE = 'portier/sql-only-in-repositories';
const eslint = new ESLint({ cwd: ROOT });

const QUERY = `import type { Executor } from '../db/connection';

export function findThing(db: Executor, id: number) {
  return db.selectFrom('organisation').select('name').where('id', '=', id).executeTakeFirst();
}
`;

const SQL_TEMPLATE = `import { sql as kyselySql } from 'kysely';
import type { Executor } from '../db/connection';

export async function touch(db: Executor): Promise<void> {
  await kyselySql\`UPDATE organisation SET name = name\`.execute(db);
}
`;

async function findings(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('the rule that keeps SQL in repositories', () => {
  it('reports a query builder in a service', async () => {
    expect(await findings(QUERY, 'electron/core/contacts/example-service.ts')).toEqual([
      '.selectFrom() builds SQL: move it into a *-repository.ts of the folder that owns the table.',
    ]);
  });

  it("reports Kysely's sql template in a handler, under whatever name it is imported", async () => {
    expect(await findings(SQL_TEMPLATE, 'electron/core/contacts/example-handlers.ts')).toHaveLength(1);
  });

  it('lets a repository build SQL', async () => {
    expect(await findings(QUERY, 'electron/core/contacts/example-repository.ts')).toEqual([]);
    expect(await findings(SQL_TEMPLATE, 'electron/core/contacts/example-repository.ts')).toEqual([]);
  });

  it('lets migrations build SQL', async () => {
    expect(await findings(SQL_TEMPLATE, 'electron/core/db/migrations/9999-example.ts')).toEqual([]);
  });
});
