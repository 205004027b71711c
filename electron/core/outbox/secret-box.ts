import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encrypts secrets kept at rest (a queued mail's token, the SMTP password). The desktop app
 * passes one backed by Electron's safeStorage; browser mode, the CLI and tests use the key file;
 * on PostgreSQL every process uses the office's key (office-keys/office-keys.ts).
 */
export interface SecretBox {
  encrypt(plain: string): string;
  decrypt(blob: string): string;
}

export const SECRET_KEY_FILE = 'portier.key';

/** Blob format version; a later scheme gets a new prefix so old blobs stay readable. */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM under a random 32-byte key in DATA_DIR/portier.key (mode 0600, created on first use). */
export function keyFileSecretBox(dataDir: string): SecretBox {
  let key: Buffer | null = null;
  return keySecretBox(() => (key ??= loadOrCreateKey(path.join(dataDir, SECRET_KEY_FILE))));
}

/**
 * AES-256-GCM under the 32-byte key `keyOnce` gives (asked at the first use): the key file's
 * box above, and on PostgreSQL the office's key kept in the database (office-keys/).
 */
export function keySecretBox(keyOnce: () => Buffer): SecretBox {
  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keyOnce(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64'), tag.toString('base64'), body.toString('base64')].join(':');
    },
    decrypt(blob) {
      const [version, iv, tag, body] = blob.split(':');
      if (version !== VERSION || iv === undefined || tag === undefined || body === undefined) {
        throw new Error('Unknown secret format; it was not written by this Portier.');
      }
      const decipher = createDecipheriv('aes-256-gcm', keyOnce(), Buffer.from(iv, 'base64'), { authTagLength: TAG_BYTES });
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

/** A 32-byte key in a file readable only by the user, created on first use; a damaged file is an error, never replaced. */
export function loadOrCreateKey(file: string): Buffer {
  try {
    const key = fs.readFileSync(file);
    if (key.length === 32) return key;
    throw new Error(`${file} is damaged (expected 32 bytes, found ${key.length}); restore it from a backup.`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    // Another process created it between our read and write: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file);
    throw error;
  }
}
