import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { redactDatabaseUrl } from '../electron/core/db/dialect/database-url';

/*
 * The benchmarks on PostgreSQL: `--database URL` names a server (and a database on it to
 * connect to first, such as /postgres) whose role may CREATE DATABASE. Each run creates a
 * throwaway database portier_bench_<random> there, fills it, and drops it at the end (--keep
 * leaves it), so a bench never touches an office's data and `npm run bench` needs no setup.
 */

/** What `npm run bench` tries when PORTIER_BENCH_DATABASE_URL names no other server. */
export const DEFAULT_BENCH_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

export const BENCH_SERVER_URL = process.env.PORTIER_BENCH_DATABASE_URL ?? DEFAULT_BENCH_SERVER;

/** The help text's paragraph on --database, the same in every bench. */
export const DATABASE_HELP = `--database URL: run on PostgreSQL instead of SQLite. URL names a server and a database on it to
connect to (postgres://user@host:5432/postgres); the role must be allowed to CREATE DATABASE. The bench
creates a throwaway database portier_bench_<random> there, fills it, and drops it at the end (--keep
leaves it). The data is generated into a SQLite file as for the SQLite bench, moved over, then ANALYZEd.`;

/** Whether a server answers at `url` (one short try). */
export async function serverAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface BenchDatabase {
  name: string;
  url: string;
  /** Drops the database (closing what is still connected), unless `keep`: then says where it is. */
  drop(keep: boolean): Promise<void>;
}

/** CREATE DATABASE portier_bench_<random> on the server of `serverUrl`. */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `portier_bench_${randomBytes(5).toString('hex')}`;
  // The name is ours (hex): it may stand in the statement as it is.
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop(keep) {
      if (keep) console.log(`kept the database ${redactDatabaseUrl(url.toString())}`);
      else await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** The server's version and the settings that shape its plans and timings, for the report. */
export async function describeServer(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; setting: string; unit: string | null }>(
      `SELECT name, setting, unit FROM pg_settings WHERE name IN ('server_version', 'shared_buffers', 'work_mem', 'jit', 'random_page_cost', 'effective_cache_size') ORDER BY name`,
    );
    return rows.map((r) => `${r.name}=${r.setting}${r.unit && r.unit !== '' ? ` ${r.unit}` : ''}`).join(', ');
  } finally {
    await client.end();
  }
}
