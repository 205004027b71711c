import path from 'node:path';
import { loadOrCreateKey } from '../outbox/secret-box';

export const CODE_KEY_FILE = 'portier-code.key';

/**
 * The key activation codes are hashed under: 32 random bytes in the data folder, readable
 * only by the user, never in the database. Created on first use. A shared office on
 * PostgreSQL keeps it in the office database instead (office-keys/office-keys.ts).
 */
export function loadCodeKey(dataDir: string): Buffer {
  return loadOrCreateKey(path.join(dataDir, CODE_KEY_FILE));
}
