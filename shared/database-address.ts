import type { OfficeDatabaseShown, SslMode } from './api/office-database';

/** A postgres:// address taken apart into what the connect screen asks for. */
export interface DatabaseAddressParts {
  host: string;
  port: number;
  database: string;
  user: string;
  /** '' when the address has none. */
  password: string;
  sslmode: SslMode;
  caFile: string | null;
}

/** libpq's default port and encryption mode. */
export const DEFAULT_PORT = 5432;
export const DEFAULT_SSL_MODE: SslMode = 'prefer';

/** libpq's modes as Portier offers them: allow is prefer's weaker twin; verify-ca without a name check is not offered. */
const SSL_MODE_OF: Readonly<Record<string, SslMode>> = {
  disable: 'disable',
  allow: 'prefer',
  prefer: 'prefer',
  require: 'require',
  'verify-ca': 'verify-full',
  'verify-full': 'verify-full',
};

function decoded(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/**
 * Reads postgres://user:password@host:5432/database?sslmode=require&sslrootcert=/path (also
 * postgresql://); null when it is no such address or names a mode Portier does not know.
 * Used by the connect screen to fill its fields from a pasted address, and by the core to
 * show the address the command line gave.
 */
export function parseDatabaseUrl(text: string): DatabaseAddressParts | null {
  const trimmed = text.trim();
  if (!/^postgres(ql)?:\/\//i.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const database = decoded(url.pathname.replace(/^\//, ''));
  const user = decoded(url.username);
  const password = decoded(url.password);
  const port = url.port === '' ? DEFAULT_PORT : Number(url.port);
  const mode = url.searchParams.get('sslmode');
  const sslmode = mode === null ? DEFAULT_SSL_MODE : SSL_MODE_OF[mode.toLowerCase()];
  if (host === '' || database === null || user === null || password === null || sslmode === undefined) return null;
  const caFile = url.searchParams.get('sslrootcert');
  return {
    host,
    port,
    database,
    user: user || (url.searchParams.get('user') ?? ''),
    password: password || (url.searchParams.get('password') ?? ''),
    sslmode: caFile && sslmode !== 'disable' ? 'verify-full' : sslmode,
    caFile: caFile && sslmode !== 'disable' ? caFile : null,
  };
}

type Connection = Pick<OfficeDatabaseShown, 'host' | 'port' | 'database' | 'user' | 'sslmode' | 'caFile'>;

/**
 * Whether a remembered password may be used for this address: the same server, database and
 * user over the same encryption. As with the SMTP password, a password never follows the
 * settings elsewhere, nor to a weaker encryption, unless it is typed again.
 */
export function sameConnection(a: Connection, b: Connection): boolean {
  return a.host.toLowerCase() === b.host.toLowerCase() && a.port === b.port && a.database === b.database && a.user === b.user && a.sslmode === b.sslmode && a.caFile === b.caFile;
}
