import { SmtpSettingsUpdate, type SmtpSettings, type SmtpTls } from '../../../../shared/api/outbox';
import type { AnyFieldError } from '../../i18n/error-messages';

/** The SMTP settings as the form holds them: the port as typed, the password only when typed anew. */
export interface SmtpFormValues {
  host: string;
  port: string;
  tls: SmtpTls;
  user: string;
  password: string;
  removePassword: boolean;
  senderAddress: string;
  senderName: string;
}

export function smtpToForm(s: SmtpSettings): SmtpFormValues {
  return {
    host: s.host,
    port: s.configured || s.port > 0 ? String(s.port) : '587',
    tls: s.tls,
    user: s.user ?? '',
    password: '',
    removePassword: false,
    senderAddress: s.senderAddress,
    senderName: s.senderName,
  };
}

/**
 * The update to send, or field errors from the contract's own schema. An empty password
 * field is left out (the core keeps the stored one); "remove" sends '' (the core deletes it).
 */
export function formToSmtpUpdate(v: SmtpFormValues): { update: SmtpSettingsUpdate } | { errors: Record<string, AnyFieldError> } {
  const port = /^\d{1,5}$/.test(v.port.trim()) ? Number(v.port.trim()) : Number.NaN;
  const password = v.removePassword ? '' : v.password === '' ? undefined : v.password;
  const draft = {
    host: v.host,
    port,
    tls: v.tls,
    user: v.user,
    senderAddress: v.senderAddress,
    senderName: v.senderName,
    ...(password === undefined ? {} : { password }),
  };
  const parsed = SmtpSettingsUpdate.safeParse(draft);
  if (parsed.success) return { update: parsed.data };
  const errors: Record<string, AnyFieldError> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field && !errors[field]) errors[field] = issueToFieldError(field, issue.code, v);
  }
  return { errors };
}

function issueToFieldError(field: string, code: string, v: SmtpFormValues): AnyFieldError {
  const typed = field in v ? String(v[field as keyof SmtpFormValues]).trim() : '';
  if (typed === '' && field !== 'port') return { code: 'required' };
  if (field === 'port') return typed === '' ? { code: 'required' } : { code: 'invalid_value' };
  if (field === 'senderAddress') return { code: 'invalid_email' };
  if (code === 'too_big') return { code: 'too_long' };
  return { code: 'invalid_value' };
}

/**
 * Whether saving drops the stored password: the core keeps it only for the same host, port
 * and TLS mode, so a password never follows the settings to another server unless retyped.
 */
export function passwordWillBeDropped(saved: SmtpSettings, v: SmtpFormValues): boolean {
  if (!saved.passwordSet || v.removePassword || v.password !== '') return false;
  return v.host.trim().toLowerCase() !== saved.host.trim().toLowerCase() || v.port.trim() !== String(saved.port) || v.tls !== saved.tls;
}
