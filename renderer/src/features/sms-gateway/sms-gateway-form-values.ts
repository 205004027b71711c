import { SmsGatewayUpdate, type SmsGatewaySettings } from '../../../../shared/api/sms-gateway';
import type { AnyFieldError } from '../../i18n/error-messages';

/** The gateway settings as the form holds them: the secret only when typed anew. */
export interface SmsGatewayFormValues {
  url: string;
  headerName: string;
  secret: string;
  removeSecret: boolean;
  bodyTemplate: string;
}

export const smsGatewayToForm = (s: SmsGatewaySettings): SmsGatewayFormValues => ({ url: s.url, headerName: s.headerName, secret: '', removeSecret: false, bodyTemplate: s.bodyTemplate });

/** The update to send (an empty secret field keeps the stored one; "remove" sends ''), or field errors from the contract's own schema. */
export function formToSmsGatewayUpdate(v: SmsGatewayFormValues): { update: SmsGatewayUpdate } | { errors: Record<string, AnyFieldError> } {
  const secret = v.removeSecret ? '' : v.secret === '' ? undefined : v.secret;
  const parsed = SmsGatewayUpdate.safeParse({ url: v.url, headerName: v.headerName, bodyTemplate: v.bodyTemplate, ...(secret === undefined ? {} : { secret }) });
  if (parsed.success) return { update: parsed.data };
  const errors: Record<string, AnyFieldError> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    const typed = field in v ? String(v[field as keyof SmsGatewayFormValues]).trim() : '';
    if (field && !errors[field]) errors[field] = typed === '' ? { code: 'required' } : field === 'url' ? { code: 'invalid_format' } : { code: 'invalid_value' };
  }
  return { errors };
}

/** Whether saving drops the stored secret: the core keeps it only while the address's origin stays the same. */
export function secretWillBeDropped(saved: SmsGatewaySettings, v: SmsGatewayFormValues): boolean {
  if (!saved.secretSet || v.removeSecret || v.secret !== '') return false;
  const origin = (url: string) => (URL.canParse(url.trim()) ? new URL(url.trim()).origin.toLowerCase() : url);
  return origin(v.url) !== origin(saved.url);
}
