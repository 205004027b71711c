import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { withoutSecret } from '../core/db/dialect/database-url';
import { CliFailure } from './cli-errors';

/* backup on PostgreSQL: pg_dump in its custom format, the URL's password kept off its command line. */

/** Where pg_dump comes from, said whenever it is missing or too old. */
const INSTALL_HINT = 'PostgreSQL\'s client tools (Debian and Ubuntu: sudo apt-get install postgresql-client)';

/** Custom-format dumps start with these bytes (pg_backup_archiver.c); anything else is not a dump pg_restore reads. */
const DUMP_MAGIC = 'PGDMP';

/** A postgres:// URL split for libpq: the URL without its password, and the password (percent-decoded) apart. */
export function splitPassword(url: string): { url: string; password: string | null } {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url)?.[0];
  if (!scheme) return { url, password: null };
  let rest = url.slice(scheme.length);
  let password: string | null = null;
  // The authority ends at the first / ? or #; within it the last @ ends the user info (as WHATWG URL and node-postgres read it).
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  const at = authority.lastIndexOf('@');
  const colon = at < 0 ? -1 : authority.slice(0, at).indexOf(':');
  if (colon >= 0) {
    password = decoded(authority.slice(colon + 1, at));
    rest = `${authority.slice(0, colon)}${rest.slice(at)}`;
  }
  // ?password=... is a password too (libpq and node-postgres both read it); a later one wins, as in node-postgres.
  const query = /\?([^#]*)/.exec(rest);
  if (query) {
    const kept: string[] = [];
    for (const pair of (query[1] as string).split('&')) {
      const [key, value = ''] = pair.split('=');
      if (key?.toLowerCase() === 'password') password = decoded(value.replace(/\+/g, ' '));
      else if (pair !== '') kept.push(pair);
    }
    rest = rest.replace(/\?[^#]*/, kept.length > 0 ? `?${kept.join('&')}` : '');
  }
  return { url: `${scheme}${rest}`, password: password === '' ? null : password };
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The program's full path on PATH (as a shell would find it), or null. */
export function findOnPath(program: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const name = process.platform === 'win32' ? `${program}.exe` : program;
  for (const folder of (env.PATH ?? '').split(path.delimiter)) {
    if (folder === '') continue;
    const candidate = path.join(folder, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** pg_dump on PATH, or a failure that says how to install it. */
export function requirePgDump(): string {
  const found = findOnPath('pg_dump');
  if (found) return found;
  throw new CliFailure(`pg_dump was not found on PATH: a backup of a PostgreSQL database is made by pg_dump, which comes with ${INSTALL_HINT}; its major version must be the server's or newer. Install it and run backup again. No backup was written.`);
}

/** pg_dump's own words made into a sentence: a too old pg_dump says which versions, anything else is quoted. */
function failureOf(stderr: string, exit: string): CliFailure {
  const lines = stderr.trim();
  if (/server version mismatch/i.test(lines)) {
    const versions = /server version: ([^;\s]+)[^;]*; pg_dump version: (\S+)/i.exec(lines);
    const server = versions?.[1];
    const major = server?.split('.')[0];
    return new CliFailure(
      `pg_dump${versions ? ` ${versions[2] as string}` : ''} is older than the database server${server ? ` (PostgreSQL ${server})` : ''} and cannot back it up. ` +
        `Install pg_dump ${major ? `${major} or newer` : 'of the server\'s major version or newer'} ` +
        `(Debian and Ubuntu: the package postgresql-client-${major ?? 'N'}, from the PostgreSQL project's apt repository where the system's own is older) ` +
        'and make sure PATH finds that pg_dump first. No backup was written.',
    );
  }
  return new CliFailure(`pg_dump failed (${exit}); no backup was written. pg_dump said:\n${lines || '(nothing)'}`);
}

/**
 * Runs pg_dump -Fc on the database at `url` into `file` (which must exist, owner-only: pg_dump
 * truncates it and keeps its mode). The password travels in the child's PGPASSWORD, never in its
 * arguments, which every user of the machine sees in the process list; a child's environment is
 * readable by its owner only (/proc/PID/environ), and nothing is left on disk as a .pgpass would be.
 * --no-password: a URL without one never makes pg_dump wait for a typed password.
 */
export async function dumpPostgres(pgDump: string, url: string, file: string): Promise<void> {
  const { url: withoutPassword, password } = splitPassword(url);
  const env = password === null ? process.env : { ...process.env, PGPASSWORD: password };
  const args = ['--format=custom', '--no-password', `--file=${file}`, `--dbname=${withoutPassword}`];
  const { code, signal, stderr } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve, reject) => {
    const child = spawn(pgDump, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  }).catch((error: unknown) => {
    throw new CliFailure(`pg_dump (${pgDump}) could not be started: ${withoutSecret(error, url)}. No backup was written.`);
  });
  const said = withoutSecret(new Error(stderr), url);
  if (code !== 0) throw failureOf(said, signal ? `ended by ${signal}` : `exit code ${String(code)}`);
  // Warnings of a dump that succeeded are pg_dump's to say.
  if (said.trim() !== '') process.stderr.write(said.endsWith('\n') ? said : `${said}\n`);
  const head = Buffer.alloc(DUMP_MAGIC.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') !== DUMP_MAGIC) throw new CliFailure('pg_dump ended without error but wrote no custom-format dump; no backup was written.');
}

/** A file size as people read it: 512 bytes, 48.2 kB, 3.1 MB, 1.4 GB. */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit] as string}`;
}
