import type { UiLanguage } from '../../../shared/api/common';
import type { Executor } from '../db/connection';
import { countryLine, type LetterSender } from '../letters/country-line';
import type { ActivationLetter } from '../letters/letter-data';
import type { SecretBox } from '../outbox/secret-box';
import { personDisplayName } from '../contacts/person-name';
import { formatExpiry } from '../templates/expiry-format';
import type { MailRun } from '../templates/mail-run';
import { renderLetterText } from '../templates/render-mail';
import { insertLetterRows, type NewLetterRow } from './document-repository';

/** What is stored (encrypted) for an activation letter: the letter's data, dates as ISO strings. */
type StoredLetter = Omit<ActivationLetter, 'date'> & { date: string };

/** Who a letter goes to: the account with its default organisation's address and person. */
export interface LetterAddressee {
  username: string;
  nickname: string | null;
  organisation: string | null;
  address_line1: string | null;
  address_line2: string | null;
  postal_code: string | null;
  city: string | null;
  country: string | null;
  salutation: string | null;
  first_name: string | null;
  last_name: string | null;
}

/** The postal address of the account's default organisation and person, for the envelope window. */
function postalBlock(row: LetterAddressee, sender: LetterSender): { lines: string[]; postalCode: string; salutationName: string } {
  const person = personDisplayName(row.first_name, row.last_name);
  const lines = [
    person ? [row.salutation, person].filter(Boolean).join(' ') : null,
    row.organisation,
    row.address_line1,
    row.address_line2,
    [row.postal_code, row.city].filter(Boolean).join(' ') || null,
    countryLine(row.country, sender),
  ].filter((l): l is string => !!l);
  return { lines: lines.length > 0 ? lines : [row.username], postalCode: row.postal_code ?? '', salutationName: person ?? row.nickname ?? row.username };
}

/** An activation letter to store: whom it goes to (in which language) and the activation's code and expiry. */
export interface NewActivationLetter {
  accountId: number;
  to: LetterAddressee;
  language: UiLanguage;
  code: string;
  expiresAt: string;
  staffId: number | null;
}

/**
 * The activation letters of issued activations, as document rows in the caller's transaction
 * (one statement), in their order. Their data (with the code) is stored encrypted; the PDF is
 * made when a letter is opened.
 */
export async function storeActivationLetters(trx: Executor, box: SecretBox, run: MailRun, letters: readonly NewActivationLetter[], now: Date): Promise<void> {
  const rows: NewLetterRow[] = [];
  for (const letter of letters) rows.push(await letterRow(box, run, letter, now));
  await insertLetterRows(trx, rows);
}

/** One letter's document row: rendered from its template, its data encrypted with the box. */
async function letterRow(box: SecretBox, run: MailRun, letter: NewActivationLetter, now: Date): Promise<NewLetterRow> {
  const { to, language } = letter;
  // The company posts the letter: its country and language decide the country line.
  const postal = postalBlock(to, { country: run.settings.companyCountry, language: run.defaultLanguage });
  const text = renderLetterText(
    language,
    {
      username: to.username,
      name: postal.salutationName,
      organisation: to.organisation,
      portalUrl: run.portalUrl,
      companyName: run.settings.companyName,
      expiresAt: formatExpiry(letter.expiresAt, language, run.timeZone),
    },
    await run.template('activation-letter', language),
  );
  const stored: StoredLetter = {
    language,
    recipient: postal.lines,
    postalCode: postal.postalCode,
    salutationName: postal.salutationName,
    subject: text.subject,
    paragraphs: text.paragraphs,
    username: to.username,
    code: letter.code,
    activationPage: `${run.portalUrl}activate`,
    expiresAt: letter.expiresAt,
    date: now.toISOString(),
  };
  return {
    accountId: letter.accountId,
    title: `${text.subject} – ${to.username}`,
    postalCode: postal.postalCode || null,
    payloadEnc: box.encrypt(JSON.stringify(stored)),
    createdAt: now.toISOString(),
    createdBy: letter.staffId,
  };
}

/** A stored letter, decrypted, ready for the PDF or DOCX writer. */
export function letterOf(box: SecretBox, payloadEnc: string): ActivationLetter {
  const stored = JSON.parse(box.decrypt(payloadEnc)) as StoredLetter;
  return { ...stored, date: new Date(stored.date) };
}
