import fs from 'node:fs';
import { keySecretBox } from '../outbox/secret-box';

/**
 * The keys a shared office keeps in its database (migration 0030), one row each:
 * - 'secret-box': encrypts secrets at rest (a queued mail's token, the SMTP password, SMS
 *   gateway and TOTP secrets, letters, opened links): a desk's portier.key;
 * - 'code-hash': the HMAC key of activation, SMS and recovery codes: a desk's portier-code.key.
 */
export const OFFICE_KEY_NAMES = ['secret-box', 'code-hash'] as const;
export type OfficeKeyName = (typeof OFFICE_KEY_NAMES)[number];

/** The two keys every process of an office (or one desk) works with, 32 bytes each. */
export interface OfficeKeys {
  secretKey: Buffer;
  codeKey: Buffer;
}

export const KEY_BYTES = 32;

/** A key as the database holds it: plain base64, readable by whoever reads the database. */
const PLAIN = 'key:';
/** A key sealed (AES-256-GCM) under the operator's key, which stays outside the database. */
const SEALED = 'sealed:';

/** Thrown when a process cannot use the office's keys; the message says what to do, never a key. */
export class OfficeKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OfficeKeyError';
  }
}

/** How `key` is stored: sealed under the operator's key when there is one, else plain. */
export function materialOf(key: Buffer, operatorKey: Buffer | null): string {
  if (operatorKey === null) return PLAIN + key.toString('base64');
  return SEALED + keySecretBox(() => operatorKey).encrypt(key.toString('base64'));
}

/** Whether stored material is sealed under an operator's key. */
export const isSealed = (material: string): boolean => material.startsWith(SEALED);

/** The key stored as `material`, opened with the operator's key where it is sealed. */
export function keyOf(name: OfficeKeyName, material: string | undefined, operatorKey: Buffer | null): Buffer {
  if (material === undefined) throw new OfficeKeyError(`The office database has no '${name}' key.`);
  let base64: string;
  if (material.startsWith(PLAIN)) {
    if (operatorKey !== null) {
      throw new OfficeKeyError(
        "An operator key was given (PORTIER_OFFICE_KEY_FILE), but this office database's keys are not sealed with one. Start without it, or have the keys sealed first (sealOfficeKeys).",
      );
    }
    base64 = material.slice(PLAIN.length);
  } else if (isSealed(material)) {
    if (operatorKey === null) {
      throw new OfficeKeyError("This office database's keys are sealed with an operator key: give this process the same key file (PORTIER_OFFICE_KEY_FILE).");
    }
    try {
      base64 = keySecretBox(() => operatorKey).decrypt(material.slice(SEALED.length));
    } catch {
      throw new OfficeKeyError("The operator key (PORTIER_OFFICE_KEY_FILE) does not open this office database's keys: it is not the key they were sealed with.");
    }
  } else {
    throw new OfficeKeyError(`The office database's '${name}' key is damaged (unknown format); restore the office_key table from a backup.`);
  }
  const key = Buffer.from(base64, 'base64');
  if (key.length !== KEY_BYTES) throw new OfficeKeyError(`The office database's '${name}' key is damaged (not ${KEY_BYTES} bytes); restore the office_key table from a backup.`);
  return key;
}

/**
 * The operator's key from a file: 32 raw bytes, or 32 bytes in base64 or hex (what
 * `openssl rand -base64 32` writes). Never created here: the operator makes and keeps it.
 */
export function readOperatorKeyFile(file: string): Buffer {
  let content: Buffer;
  try {
    content = fs.readFileSync(file);
  } catch (error) {
    throw new OfficeKeyError(`The operator key file ${file} (PORTIER_OFFICE_KEY_FILE) cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  if (content.length === KEY_BYTES) return content;
  const text = content.toString('utf8').trim();
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : /^[A-Za-z0-9+/]{43}=$/.test(text) ? Buffer.from(text, 'base64') : null;
  if (key?.length === KEY_BYTES) return key;
  throw new OfficeKeyError(`The operator key file ${file} (PORTIER_OFFICE_KEY_FILE) must hold a 32-byte key, e.g. made with: openssl rand -base64 32 > ${file}`);
}
