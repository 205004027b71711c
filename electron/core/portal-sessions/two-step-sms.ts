import type { UiLanguage } from '../../../shared/api/common';
import { AppError } from '../../../shared/errors';
import type { CoreDeps } from '../context';
import { SECRET_MARKER } from '../outbox/outbox-port';
import { countQueuedSince } from '../outbox/outbox-repository';
import { queueSms, smsNumber } from '../outbox/sms-queue';
import { readActivationSettings } from '../settings/activation-settings';
import { readSettings } from '../settings/settings-service';
import { newSmsCode, SMS_CODE_MINUTES, smsCodeHash } from './two-step-codes';
import { findLinkedMobiles, findTwoStepAccount, insertSmsCode, lastSmsCodeAt } from './two-step-repository';

/** The outbox kind of a two-step code. */
export const TWO_STEP_SMS_KIND = 'two-step-code';
/** A new code no sooner than this after the last one of the same sign-in. */
const RESEND_SECONDS = 30;
/** At most this many codes per account and hour, across sign-ins (an SMS costs money and annoys). */
const PER_HOUR = 5;

/** The message, in the account's language; {code} is where the code goes (SECRET_MARKER in the outbox). */
const SMS_TEXT: Record<UiLanguage, string> = {
  en: '{code} is your sign-in code for {company}. It is valid for {minutes} minutes. Never give it to anyone.',
  nl: '{code} is uw aanmeldcode voor {company}. Hij is {minutes} minuten geldig. Geef hem nooit aan iemand anders.',
  de: '{code} ist Ihr Anmeldecode für {company}. Er ist {minutes} Minuten gültig. Geben Sie ihn niemals weiter.',
};

/** The number SMS codes go to: the first usable mobile number of the persons the account is linked to (the default link's first). */
export async function accountSmsNumber(deps: CoreDeps, accountId: number): Promise<string | null> {
  for (const mobile of await findLinkedMobiles(deps.db, accountId)) {
    const number = smsNumber(mobile);
    if (number) return number;
  }
  return null;
}

/**
 * Sends a new code by SMS for this session (a sign-in waiting for its second step, or a
 * signed-in account setting SMS up): queued in the outbox with the code kept encrypted, stored
 * here only as its hash, valid 5 minutes; the session's older code stops working. Throttled per
 * session (a wait between codes) and per account (codes per hour, counted in the outbox).
 */
export async function sendSmsCode(deps: CoreDeps, session: { id: number; accountId: number }): Promise<void> {
  const to = await accountSmsNumber(deps, session.accountId);
  const account = await findTwoStepAccount(deps.db, session.accountId);
  if (!to) throw new AppError('CONFLICT', 'There is no mobile number to send the code to. Please contact us.');
  const [{ companyName }, { defaultLanguage }] = await Promise.all([readActivationSettings(deps.db), readSettings(deps.db)]);
  const language: UiLanguage = account && account.language !== 'default' ? account.language : defaultLanguage;
  const text = SMS_TEXT[language].replace('{company}', companyName || 'Portier').replace('{minutes}', String(SMS_CODE_MINUTES)).replace('{code}', SECRET_MARKER);
  const now = deps.clock();
  const code = newSmsCode();
  const expiresAt = new Date(now.getTime() + SMS_CODE_MINUTES * 60_000).toISOString();
  // The checks and the new code in one transaction: parallel requests cannot both pass them.
  await deps.db.transaction().execute(async (trx) => {
    const last = await lastSmsCodeAt(trx, session.id);
    const wait = last === null ? 0 : Math.ceil((Date.parse(last) + RESEND_SECONDS * 1000 - now.getTime()) / 1000);
    if (wait > 0) throw new AppError('RATE_LIMITED', `A code was just sent. Try again in ${wait} seconds.`, { params: { seconds: wait } });
    if ((await countQueuedSince(trx, session.accountId, 'sms', TWO_STEP_SMS_KIND, new Date(now.getTime() - 3_600_000).toISOString())) >= PER_HOUR) {
      throw new AppError('RATE_LIMITED', 'Too many codes were sent in the last hour. Please try again later.');
    }
    await insertSmsCode(trx, session.id, smsCodeHash(deps.codeKey, session.id, code), now.toISOString(), expiresAt);
    await queueSms(trx, deps.secretBox, { kind: TWO_STEP_SMS_KIND, to, text, accountId: session.accountId, secret: { value: code, expiresAt } }, now);
  });
}
