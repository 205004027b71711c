import { sslModeOf, withSslMode, withoutSecret } from './database-url';
import { SCHEMA_VERSION_TABLE, isTlsUnsupported } from './postgres';
import { SERVER_CLOCK_SQL, serverClockOffsetMs } from './postgres-clock';

/* "Test connection" of the connect screen (issue 13): one connection, a few reads, nothing changed. */

/** Why a connection to PostgreSQL failed, as the connect screen says it next to a field. */
export type ConnectionProblem =
  | 'wrong-password'
  | 'password-needed'
  | 'access-refused'
  | 'database-missing'
  | 'host-unknown'
  | 'host-unreachable'
  | 'tls-unsupported'
  | 'certificate-rejected'
  | 'other';

/** A failed connection: what went wrong, and the driver's words without the password. */
export class PostgresConnectionFailure extends Error {
  constructor(
    readonly problem: ConnectionProblem,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'PostgresConnectionFailure';
  }
}

/** Node's TLS verdicts on a certificate it does not trust (tls.TLSSocket's authorizationError codes). */
const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The SQLSTATEs (PostgreSQL's manual, appendix A) and socket errors that say which field is wrong. */
const PROBLEM_OF_CODE: Readonly<Record<string, ConnectionProblem>> = {
  '28P01': 'wrong-password', // invalid_password
  '28000': 'access-refused', // invalid_authorization_specification: no such role, or pg_hba.conf refuses
  '3D000': 'database-missing', // invalid_catalog_name
  ENOTFOUND: 'host-unknown',
  EAI_AGAIN: 'host-unknown',
  ECONNREFUSED: 'host-unreachable',
  EHOSTUNREACH: 'host-unreachable',
  ENETUNREACH: 'host-unreachable',
  EHOSTDOWN: 'host-unreachable',
  ETIMEDOUT: 'host-unreachable',
};

/** What a driver error means for the person at the connect screen. */
export function connectionProblemOf(error: unknown): ConnectionProblem {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    const known = PROBLEM_OF_CODE[code];
    if (known) return known;
    if (CERTIFICATE_CODES.has(code)) return 'certificate-rejected';
  }
  const message = error instanceof Error ? error.message : String(error);
  if (isTlsUnsupported(error)) return 'tls-unsupported';
  // node-postgres, asked for a password it was not given (SCRAM or md5).
  if (/client password must be a string|password must be a string/i.test(message)) return 'password-needed';
  if (/timeout|timed out/i.test(message)) return 'host-unreachable';
  return 'other';
}

/** What "Test connection" learns of a database. */
export interface PostgresProbe {
  /** server_version, e.g. "15.20 (Debian 15.20-0+deb12u1)". */
  serverVersion: string;
  encrypted: boolean;
  /** Portier's schema version there; null when Portier has never been there. */
  schemaVersion: number | null;
  /** How far the server's clock is ahead of this computer's (postgres-clock.ts). */
  clockOffsetMs: number;
}

/**
 * Connects once to `url`, reads the server's version, whether the line is encrypted and
 * Portier's schema version, and disconnects; "prefer" falls back to a plain connection as
 * libpq does. Every failure is a PostgresConnectionFailure whose detail holds no password.
 */
export async function probePostgres(url: string, timeoutMs = 5_000): Promise<PostgresProbe> {
  // Loaded only when asked for: a desk on SQLite never loads the PostgreSQL driver.
  const { default: pg } = await import('pg');
  const attempt = async (target: string): Promise<PostgresProbe> => {
    const client = new pg.Client({ connectionString: target, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
    // A connection the server drops after the answer must not become an uncaught error.
    client.on('error', () => undefined);
    try {
      await client.connect();
      const version = await client.query<{ server_version: string }>('SHOW server_version');
      const ssl = await client.query<{ ssl: boolean | null }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
      const present = await client.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [SCHEMA_VERSION_TABLE]);
      let schemaVersion: number | null = null;
      if (present.rows[0]?.present === true) {
        const row = await client.query<{ version: number }>(`SELECT version FROM ${SCHEMA_VERSION_TABLE} WHERE id = 1`);
        schemaVersion = row.rows[0]?.version ?? 0;
      }
      const clockOffsetMs = await serverClockOffsetMs(async () => Number((await client.query<{ ms: number }>(SERVER_CLOCK_SQL)).rows[0]?.ms));
      return { serverVersion: version.rows[0]?.server_version ?? '', encrypted: ssl.rows[0]?.ssl === true, schemaVersion, clockOffsetMs };
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  try {
    try {
      return await attempt(url);
    } catch (error) {
      if (sslModeOf(url) === 'prefer' && isTlsUnsupported(error)) return await attempt(withSslMode(url, 'disable'));
      throw error;
    }
  } catch (error) {
    throw new PostgresConnectionFailure(connectionProblemOf(error), withoutSecret(error, url));
  }
}
