import { MailTemplateType } from '../../../shared/api/mail-templates';

export type { MailTemplateType };
/** The templates of issue 4, as the contract names them: the mails, and the activation letter's text (edited the same way). */
export const MAIL_TEMPLATE_TYPES = MailTemplateType.options;

/** A rendered mail: subject, HTML body and the plain-text part generated from it. */
export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Variables a mail template receives. `link` is the activation or set-password link,
 * built by the core from the portal base address setting (never from a request), and
 * may contain SECRET_MARKER in place of the token.
 */
export interface MailVariables {
  username: string;
  /** The person's or account's display name; falls back to the username. */
  name: string;
  organisation: string | null;
  link?: string;
  /** Formatted in the mail's language, e.g. "6 December 2026". */
  expiresAt?: string;
  portalUrl: string;
  companyName: string;
  /** A status-change mail's ticket: its number as shown (T-10234), title, and both statuses in the mail's language. */
  ticket?: { number: string; title: string; oldStatus: string; newStatus: string };
}
