import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const CODE_KEY_FILE = 'portier-code.key';

/**
 * The key activation codes are hashed under: 32 random bytes in the data folder, readable
 * only by the user, never in the database. Created on first use.
 */
export function loadCodeKey(dataDir: string): Buffer {
  const file = path.join(dataDir, CODE_KEY_FILE);
  try {
    const key = fs.readFileSync(file);
    if (key.length === 32) return key;
    throw new Error(`${file} is damaged (expected 32 bytes, found ${key.length}); restore it from a backup.`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
  return key;
}
