import type { OfficeDatabaseShown } from '../../../shared/api/office-database';
import { parseDatabaseUrl } from '../../../shared/database-address';
import type { OfficeDatabaseChoice } from './remembered-database';

/**
 * The postgres:// URL the core opens for a choice: the password percent-encoded in it (the URL
 * lives in memory only; logs and answers show it redacted), and libpq's meaning of sslmode,
 * which node-postgres follows only with uselibpqcompat=true (without it, "require" would verify
 * the certificate as verify-full does). A CA file goes in as sslrootcert: the driver reads it.
 */
export function urlOfChoice(choice: OfficeDatabaseChoice): string {
  const host = choice.host.includes(':') && !choice.host.startsWith('[') ? `[${choice.host}]` : choice.host;
  const credentials = encodeURIComponent(choice.user) + (choice.password ? `:${encodeURIComponent(choice.password)}` : '');
  const query = new URLSearchParams({ sslmode: choice.sslmode, uselibpqcompat: 'true' });
  if (choice.caFile !== null && choice.sslmode === 'verify-full') query.set('sslrootcert', choice.caFile);
  return `postgres://${credentials}@${host}:${choice.port}/${encodeURIComponent(choice.database)}?${query.toString()}`;
}

/** A database URL (the command line's, or one made by urlOfChoice) as the connect screen shows it; null when it cannot be read. */
export function shownOfUrl(url: string): OfficeDatabaseShown | null {
  const parts = parseDatabaseUrl(url);
  if (!parts) return null;
  const { password, ...address } = parts;
  return { ...address, passwordSet: password !== '' };
}

/** The choice a database URL makes (with its password), or null when it cannot be read. */
export function choiceOfUrl(url: string): OfficeDatabaseChoice | null {
  const parts = parseDatabaseUrl(url);
  if (!parts) return null;
  return { ...parts, password: parts.password === '' ? null : parts.password };
}
