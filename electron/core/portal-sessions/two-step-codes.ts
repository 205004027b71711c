import { randomBytes, randomInt } from 'node:crypto';
import { RECOVERY_CODE_COUNT } from '../../../shared/portal-api/two-step';
import { CODE_ALPHABET, hashCode, normaliseCode } from '../activation/account-secrets';

/** How long an SMS code may be typed. */
export const SMS_CODE_MINUTES = 5;

/** A code as typed, without spaces, dashes or case. */
export const typedCode = (typed: string): string => normaliseCode(typed);

/** Six digits: what an app or an SMS gives. Anything else may be a recovery code. */
export const isSixDigits = (code: string): boolean => /^\d{6}$/.test(code);

/** A new SMS code: six random digits, every value equally likely. */
export const newSmsCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/**
 * The SMS code's hash: HMAC under the key outside the database (six digits are guessed offline
 * from a plain hash in a moment), bound to its sign-in so a code fits only the session it was sent for.
 */
export const smsCodeHash = (key: Buffer, sessionId: number, code: string): string => hashCode(key, `two-step-sms:${sessionId}`, code);

/** A recovery code's hash, bound to its account the same way. */
export const recoveryCodeHash = (key: Buffer, accountId: number, code: string): string => hashCode(key, `recovery:${accountId}`, code);

const RECOVERY_LENGTH = 10;
const UNBIASED_LIMIT = 256 - (256 % CODE_ALPHABET.length);

/**
 * New recovery codes: 10 characters each from the letter code's alphabet (no look-alikes),
 * shown as "ACDFG-HJKMN" (about 46 bits each). Ten characters never look like six digits.
 */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    let code = '';
    while (code.length < RECOVERY_LENGTH) {
      for (const byte of randomBytes(RECOVERY_LENGTH * 2)) {
        if (byte < UNBIASED_LIMIT && code.length < RECOVERY_LENGTH) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
      }
    }
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/** The end of a phone number, the rest hidden: enough to recognise one's own phone, not to learn the number. */
export const mobileHint = (number: string): string => `${'•'.repeat(Math.max(0, number.length - 2))}${number.slice(-2)}`;
