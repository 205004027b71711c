import fs from 'node:fs';
import path from 'node:path';
import { CODE_KEY_FILE } from '../activation/code-key';
import type { Executor } from '../db/connection';
import { SECRET_KEY_FILE } from '../outbox/secret-box';
import { keyOf, materialOf, OfficeKeyError, type OfficeKeys } from './office-key-material';
import { readOfficeKeyMaterial, replaceOfficeKeys } from './office-key-repository';
import { countKeyedRows } from './sealed-secret-repository';

/**
 * Makes a desk's keys (deskKeys(dataDir)) the office's keys, for `copy-to` from a desk's SQLite
 * data into an office database: the secrets and code hashes it copies were made under the
 * desk's keys and stay valid as they are. Code hashes (HMAC) cannot be re-keyed, so this, not
 * re-encryption, is what keeps activation codes already sent and recovery codes working.
 * Call it before the rows are copied, while the office database is empty: it is refused when the
 * database holds secrets or codes under other keys of its own (they would become unreadable).
 * Carrying the same keys again changes nothing.
 */
export async function carryDeskKeys(db: Executor, desk: OfficeKeys, operatorKey: Buffer | null, now: Date): Promise<'carried' | 'already-there'> {
  return db.transaction().execute(async (trx) => {
    const stored = await readOfficeKeyMaterial(trx);
    if (stored.size > 0) {
      if (sameKeys(stored, desk, operatorKey)) return 'already-there';
      if ((await countKeyedRows(trx)) > 0) {
        throw new OfficeKeyError(
          "The office database already holds secrets or codes under keys of its own: the desk's keys cannot replace them. Copy into a new, empty office database.",
        );
      }
    }
    const at = now.toISOString();
    await replaceOfficeKeys(trx, [{ name: 'secret-box', material: materialOf(desk.secretKey, operatorKey) }, { name: 'code-hash', material: materialOf(desk.codeKey, operatorKey) }], at);
    return 'carried';
  });
}

function sameKeys(stored: Map<string, string>, desk: OfficeKeys, operatorKey: Buffer | null): boolean {
  try {
    return keyOf('secret-box', stored.get('secret-box'), operatorKey).equals(desk.secretKey) && keyOf('code-hash', stored.get('code-hash'), operatorKey).equals(desk.codeKey);
  } catch {
    return false;
  }
}

/**
 * The other way (`copy-to` from an office database back to a desk): writes the office's keys as
 * the key files of a data folder, owner-only. A key file already there is never replaced (the
 * desk's own secrets depend on it): it must hold the same key, or this refuses.
 */
export function writeDeskKeys(dataDir: string, keys: OfficeKeys): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  for (const [file, key] of [
    [SECRET_KEY_FILE, keys.secretKey],
    [CODE_KEY_FILE, keys.codeKey],
  ] as const) {
    const target = path.join(dataDir, file);
    try {
      fs.writeFileSync(target, key, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!fs.readFileSync(target).equals(key)) {
        throw new OfficeKeyError(`${target} holds another key: the office's keys cannot be written there. Copy into a new, empty data folder.`);
      }
    }
  }
}
