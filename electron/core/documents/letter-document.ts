import { compiledOnce } from '../db/compiled-once';
import type { Executor } from '../db/connection';
import type { IssuedActivation } from '../activation/activation-service';
import { formatExpiry, recipientOf, type AccountContact, type MailRun } from '../activation/account-mails';
import { countryLine, type LetterSender } from '../letters/country-line';
import type { ActivationLetter } from '../letters/letter-data';
import { renderLetterText } from '../templates/render-mail';
import type { SecretBox } from '../outbox/secret-box';
import { personDisplayName } from '../contacts/person-name';

/** What is stored (encrypted) for an activation letter: the letter's data, dates as ISO strings. */
type StoredLetter = Omit<ActivationLetter, 'date'> & { date: string };

/** The postal address of the account's default organisation and person, for the envelope window. */
export function postalBlock(row: AccountContact, sender: LetterSender): { lines: string[]; postalCode: string; salutationName: string } {
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

// Compiled once: a bulk activation stores thousands.
const insertLetter = compiledOnce(
  (db, accountId: number, title: string, postalCode: string | null, payloadEnc: string, createdAt: string, createdBy: number | null) =>
    db
      .insertInto('document')
      .values({ account_id: accountId, kind: 'activation-letter', title, postal_code: postalCode, payload_enc: payloadEnc, created_at: createdAt, created_by: createdBy })
      .returning('id'),
);

/**
 * The activation letter of an issued activation, as a document row in the caller's
 * transaction. Its data (with the code) is stored encrypted; the PDF is made when opened.
 */
export async function storeActivationLetter(
  trx: Executor,
  box: SecretBox,
  issued: IssuedActivation,
  staffId: number | null,
  now: Date,
  contact: AccountContact,
  run: MailRun,
): Promise<number> {
  const to = recipientOf(contact, run.defaultLanguage);
  // The company posts the letter: its country and language decide the country line.
  const postal = postalBlock(contact, { country: run.settings.companyCountry, language: run.defaultLanguage });
  const text = renderLetterText(
    to.language,
    {
      username: to.to,
      name: postal.salutationName,
      organisation: to.organisation,
      portalUrl: run.portalUrl,
      companyName: run.settings.companyName,
      expiresAt: formatExpiry(issued.expiresAt, to.language, run.timeZone),
    },
    await run.template('activation-letter', to.language),
  );
  const letter: StoredLetter = {
    language: to.language,
    recipient: postal.lines,
    postalCode: postal.postalCode,
    salutationName: postal.salutationName,
    subject: text.subject,
    paragraphs: text.paragraphs,
    username: to.to,
    code: issued.code,
    activationPage: `${run.portalUrl}activate`,
    expiresAt: issued.expiresAt,
    date: now.toISOString(),
  };
  const { rows } = await insertLetter(
    trx,
    issued.accountId,
    `${text.subject} – ${to.to}`,
    postal.postalCode || null,
    box.encrypt(JSON.stringify(letter)),
    now.toISOString(),
    staffId,
  );
  if (!rows[0]) throw new Error('The letter was not written.');
  return rows[0].id;
}

/** A stored letter, decrypted, ready for the PDF or DOCX writer. */
export function letterOf(box: SecretBox, payloadEnc: string): ActivationLetter {
  const stored = JSON.parse(box.decrypt(payloadEnc)) as StoredLetter;
  return { ...stored, date: new Date(stored.date) };
}
