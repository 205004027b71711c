import type { OfficeDatabaseAddress, OfficeDatabaseShown, SslMode } from '../../../../shared/api/office-database';
import { DEFAULT_PORT, DEFAULT_SSL_MODE, parseDatabaseUrl, sameConnection } from '../../../../shared/database-address';
import type { AnyFieldError } from '../../i18n/error-messages';

/** The connect form as typed: the port as text, the password only when typed anew. */
export interface OfficeDatabaseFormValues {
  url: string;
  host: string;
  port: string;
  database: string;
  user: string;
  password: string;
  sslmode: SslMode;
  caFile: string;
}

/** The form filled from the remembered choice (or the database in use), else libpq's defaults. */
export function formOf(shown: OfficeDatabaseShown | null): OfficeDatabaseFormValues {
  return {
    url: '',
    host: shown?.host ?? '',
    port: String(shown?.port ?? DEFAULT_PORT),
    database: shown?.database ?? '',
    user: shown?.user ?? '',
    password: '',
    sslmode: shown?.sslmode ?? DEFAULT_SSL_MODE,
    caFile: shown?.caFile ?? '',
  };
}

/**
 * The form with a pasted postgres:// address taken apart into its fields; null when it is no
 * such address. The address field is emptied, so a password in it is not left on screen.
 */
export function fillFromUrl(values: OfficeDatabaseFormValues): OfficeDatabaseFormValues | null {
  const parts = parseDatabaseUrl(values.url);
  if (!parts) return null;
  return { url: '', host: parts.host, port: String(parts.port), database: parts.database, user: parts.user, password: parts.password, sslmode: parts.sslmode, caFile: parts.caFile ?? '' };
}

/** What the channels take; the core checks the rest with the contract's schema and answers field errors. */
export function addressOf(values: OfficeDatabaseFormValues): { address: OfficeDatabaseAddress } | { errors: Record<string, AnyFieldError> } {
  const port = values.port.trim();
  if (!/^\d{1,5}$/.test(port)) return { errors: { port: port === '' ? { code: 'required' } : { code: 'whole_number' } } };
  const caFile = values.sslmode === 'verify-full' ? values.caFile.trim() : '';
  return {
    address: {
      host: values.host,
      port: Number(port),
      database: values.database,
      user: values.user,
      ...(values.password === '' ? {} : { password: values.password }),
      sslmode: values.sslmode,
      caFile: caFile === '' ? null : caFile,
    },
  };
}

/** Whether the remembered password will be used for what the form says (the core's rule: the same connection). */
export function usesRememberedPassword(remembered: OfficeDatabaseShown | null, values: OfficeDatabaseFormValues): boolean {
  if (!remembered?.passwordSet || values.password !== '') return false;
  const caFile = values.sslmode === 'verify-full' && values.caFile.trim() !== '' ? values.caFile.trim() : null;
  return sameConnection(remembered, { host: values.host.trim(), port: Number(values.port.trim()), database: values.database.trim(), user: values.user.trim(), sslmode: values.sslmode, caFile });
}
