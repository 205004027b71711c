import { SMS_PLACEHOLDERS } from '../../../shared/api/sms-gateway';

/** What the worker needs to reach the gateway, secret decrypted; only the worker holds it, never an answer. */
export interface SmsGateway {
  url: string;
  headerName: string;
  secret: string | null;
  bodyTemplate: string;
}

export interface SmsRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A template starting with { or [ is JSON; any other is a form body (to=…&text=…). */
export const isJsonTemplate = (template: string): boolean => /^\s*[[{]/.test(template);

/**
 * Fills the template. Values are escaped for the body's syntax (JSON string content, or
 * percent-encoding in a form), so a message can never break out of its field or add one.
 */
export function fillSmsTemplate(template: string, values: { to: string; text: string }): string {
  const json = isJsonTemplate(template);
  const escape = (v: string) => (json ? JSON.stringify(v).slice(1, -1) : encodeURIComponent(v));
  return template.replace(/\{\{(to|text)\}\}/g, (_whole, name: 'to' | 'text') => escape(values[name]));
}

/** The problem with a template, or null: both placeholders, no others, valid JSON when it is JSON. */
export function smsTemplateProblem(template: string): 'missing_placeholder' | 'unknown_placeholder' | 'invalid_template' | null {
  if (SMS_PLACEHOLDERS.some((p) => !template.includes(p))) return 'missing_placeholder';
  if (/\{\{(?!(?:to|text)\}\})/.test(template)) return 'unknown_placeholder';
  if (isJsonTemplate(template)) {
    try {
      JSON.parse(fillSmsTemplate(template, { to: '+31612345678', text: 'Line "one"\nline two' }));
    } catch {
      return 'invalid_template';
    }
  }
  return null;
}

export function smsRequest(gateway: SmsGateway, to: string, text: string): SmsRequest {
  const json = isJsonTemplate(gateway.bodyTemplate);
  return {
    url: gateway.url,
    headers: {
      'content-type': json ? 'application/json; charset=utf-8' : 'application/x-www-form-urlencoded; charset=utf-8',
      ...(gateway.secret ? { [gateway.headerName.toLowerCase()]: gateway.secret } : {}),
    },
    body: fillSmsTemplate(gateway.bodyTemplate, { to, text }),
  };
}
