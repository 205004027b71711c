import type { Kysely } from 'kysely';
import { dialectOf } from '../dialect/of-database';
import { stepsWithoutPostgres } from '../dialect/postgres';
import { DatabaseTooNewError, type Migration } from '../migration';
import { MIGRATIONS } from '../migrations';
import { CopyRefused, type CopyEnd } from './copy-database';

const latestOf = (migrations: readonly Migration[]) => migrations.at(-1)?.version ?? 0;

/**
 * The source must have exactly this Portier's schema: an older one is brought up to date by
 * `migrate` first (copy-to never changes its source), a newer one is refused.
 */
export async function checkSourceVersion(end: CopyEnd, shown: string, migrations: readonly Migration[] = MIGRATIONS): Promise<void> {
  const latest = latestOf(migrations);
  const version = await dialectOf(end.db).readSchemaVersion(end.db);
  if (version > latest) throw new DatabaseTooNewError(version, latest);
  if (version === 0) throw new CopyRefused(`${shown} holds no Portier database (no schema version); nothing was copied.`);
  if (version < latest) {
    throw new CopyRefused(`${shown} has schema version ${version}, this Portier copies version ${latest}: bring it up to date with "npm run portier -- migrate" first. Nothing was copied.`);
  }
}

/**
 * Makes the target ready for the copy: a database without any table gets this Portier's schema;
 * one with the schema is taken as it is (copyDatabase then checks it is empty). Refused, and left
 * as it was: a newer schema, another version, or tables that are not Portier's. Resolves to
 * whether the schema was created here.
 */
export async function prepareTarget(end: CopyEnd, shown: string, migrations: readonly Migration[] = MIGRATIONS): Promise<boolean> {
  const latest = latestOf(migrations);
  const dialect = dialectOf(end.db);
  const version = await dialect.readSchemaVersion(end.db);
  if (version > latest) throw new DatabaseTooNewError(version, latest);
  if (version === latest) return false;
  if (version > 0) {
    throw new CopyRefused(`${shown} has schema version ${version}, not ${latest} as this Portier: copy-to fills only an empty database of its own version. Nothing was changed.`);
  }
  const tables = await end.catalogue.tables(end.db);
  if (tables.length > 0) {
    const names = tables.slice(0, 5).map((t) => t.name).join(', ');
    throw new CopyRefused(`${shown} has tables but no Portier schema (${names}${tables.length > 5 ? ', ...' : ''}): copy-to fills only an empty database. Nothing was changed.`);
  }
  if (dialect.name === 'postgres' && stepsWithoutPostgres(migrations).length > 0) throw new CopyRefused('Some migrations have no PostgreSQL variant yet; nothing was changed.');
  await dialect.migrate(end.db as Kysely<unknown>, migrations);
  return true;
}
