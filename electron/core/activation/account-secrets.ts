import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The secrets an activation hands out: a link token (256 random bits, URL-safe) and a
 * letter code (12 characters from an alphabet without look-alikes such as 0/O, 1/I/L,
 * 2/Z, 5/S, 8/B, shown in groups of four for reading aloud: "ACDF-GHJK-MN7P").
 * Only hashes are stored.
 */
export const CODE_ALPHABET = 'ACDEFGHJKMNPRTUVWXY34679';
const CODE_LENGTH = 12;

export function newToken(): { raw: string; hash: string } {
  const raw = randomBytes(32).toString('base64url');
  return { raw, hash: hashToken(raw) };
}

/** SHA-256 is enough for a 256-bit random token: there is nothing to guess. */
export function hashToken(raw: string): string {
  return createHash('sha256').update(raw, 'utf8').digest('hex');
}

/** Random bytes at or above this are skipped, so every letter of the alphabet is equally likely. */
const UNBIASED_LIMIT = 256 - (256 % CODE_ALPHABET.length);

export function newCode(): string {
  let code = '';
  while (code.length < CODE_LENGTH) {
    for (const byte of randomBytes(CODE_LENGTH * 2)) {
      if (byte < UNBIASED_LIMIT && code.length < CODE_LENGTH) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    }
  }
  return formatCode(code);
}

/** "acdf ghjk-mn7p" as typed → "ACDFGHJKMN7P": case, spaces and dashes do not matter. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}

export const formatCode = (code: string): string => normaliseCode(code).replace(/(.{4})(?=.)/g, '$1-');

const CODE_SHAPE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/**
 * Whether the typed text could be a code at all (12 characters of the alphabet once case,
 * spaces and dashes are dropped). Anything else is refused before any token is looked at, so a
 * typo or junk never counts as a wrong code: the shape is public, only the code is secret.
 */
export function looksLikeCode(typed: string): boolean {
  return typed.length <= 200 && CODE_SHAPE.test(normaliseCode(typed));
}

/**
 * The code's hash: HMAC-SHA256 under a key kept outside the database (the codes are short
 * enough to guess offline from a plain hash), bound to its token so a code only fits its link.
 */
export function hashCode(key: Buffer, tokenHash: string, code: string): string {
  return createHmac('sha256', key).update(`${tokenHash}:${normaliseCode(code)}`, 'utf8').digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
