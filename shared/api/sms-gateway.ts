import { z } from 'zod';
import { channel } from '../contract';
import { Empty } from './common';

/** The placeholders a gateway's request body must hold: the phone number and the message. */
export const SMS_PLACEHOLDERS = ['{{to}}', '{{text}}'] as const;

/** The body a new gateway starts with: JSON, as most SMS gateways take it. */
export const DEFAULT_SMS_BODY_TEMPLATE = '{"to": "{{to}}", "text": "{{text}}"}';

/** A header name as HTTP allows it (RFC 9110 token), e.g. Authorization or X-Api-Key. */
const HeaderName = z.string().trim().min(1).max(100).regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/);

/** The SMS gateway as the Settings screen shows it: the secret never leaves the core, only whether one is stored. */
export const SmsGatewaySettings = z.strictObject({
  configured: z.boolean(),
  /** The endpoint every SMS is POSTed to. */
  url: z.string(),
  /** The header that carries the secret (e.g. Authorization: Bearer …). */
  headerName: z.string(),
  secretSet: z.boolean(),
  /** The request body with {{to}} and {{text}}; a body starting with { or [ is sent as JSON, any other as a form. */
  bodyTemplate: z.string(),
});
export type SmsGatewaySettings = z.infer<typeof SmsGatewaySettings>;

/**
 * New gateway settings. A missing secret keeps the stored one only while the endpoint's origin
 * (scheme, host, port) stays the same; an empty one removes it. The template must hold both
 * placeholders, and a JSON template must be valid JSON once they are filled in.
 */
export const SmsGatewayUpdate = z.strictObject({
  url: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), { message: 'An http:// or https:// address.', params: { fieldError: { code: 'invalid_format' } } }),
  headerName: HeaderName.default('Authorization'),
  secret: z
    .string()
    .max(2000)
    .refine((v) => !/[\r\n\0]/.test(v), { message: 'A header value has no line breaks.', params: { fieldError: { code: 'control_character' } } })
    .optional(),
  bodyTemplate: z.string().trim().min(1).max(4000),
});
export type SmsGatewayUpdate = z.infer<typeof SmsGatewayUpdate>;

export const smsGatewayApi = {
  'sms-gateway:get': channel({ access: 'admin', input: Empty, output: SmsGatewaySettings }),
  'sms-gateway:update': channel({ access: 'admin', input: SmsGatewayUpdate, output: SmsGatewaySettings, changes: ['settings', 'outbox', 'audit'] }),
  /** No gateway any more: text messages are kept as files in the data folder again. */
  'sms-gateway:remove': channel({ access: 'admin', input: Empty, output: SmsGatewaySettings, changes: ['settings', 'outbox', 'audit'] }),
} as const;
