import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadCodeKey } from '../activation/code-key';
import type { Clock } from '../clock';
import type { Executor } from '../db/connection';
import { dialectOf } from '../db/dialect/of-database';
import { keyFileSecretBox, keySecretBox, loadOrCreateKey, SECRET_KEY_FILE, type SecretBox } from '../outbox/secret-box';
import { KEY_BYTES, keyOf, isSealed, materialOf, OFFICE_KEY_NAMES, readOperatorKeyFile, type OfficeKeyName, type OfficeKeys } from './office-key-material';
import { insertMissingOfficeKeys, readOfficeKeyMaterial, updateOfficeKeyMaterial } from './office-key-repository';

/** What a core encrypts and hashes with. */
export interface CoreKeys {
  secretBox: SecretBox;
  codeKey: Buffer;
}

export interface CoreKeyOptions {
  dataDir: string;
  clock: Clock;
  /** SQLite only: the desk's own box (the desktop's safeStorage); default the key file. */
  secretBox?: SecretBox;
  /** PostgreSQL only: the operator's key file that seals the office's keys (PORTIER_OFFICE_KEY_FILE). */
  officeKeyFile?: string;
}

/**
 * Where a core's keys come from, by the database it runs on. A desk (SQLite): files of its data
 * folder (portier.key, portier-code.key), or the desktop's safeStorage box; the database file
 * alone opens no secret. A shared office (PostgreSQL): the office database itself, so that two
 * desktops, browser mode, the portal and the CLI, each with a data folder of its own, read each
 * other's secrets and codes. Whoever reads that database (or its pg_dump) can then decrypt them,
 * unless the operator seals the keys under a key file kept outside it (officeKeyFile).
 */
export async function coreKeys(db: Executor, options: CoreKeyOptions): Promise<CoreKeys> {
  if (dialectOf(db).name === 'sqlite') return { secretBox: options.secretBox ?? keyFileSecretBox(options.dataDir), codeKey: loadCodeKey(options.dataDir) };
  const operatorKey = options.officeKeyFile === undefined ? null : readOperatorKeyFile(options.officeKeyFile);
  const keys = await loadOfficeKeys(db, operatorKey, options.clock());
  return { secretBox: keySecretBox(() => keys.secretKey), codeKey: keys.codeKey };
}

/**
 * The office's keys, made by the first process that asks: each process offers new random keys,
 * only the first offer of each is stored (insertMissingOfficeKeys), and every process reads back
 * what was stored, so processes starting at once agree on one set.
 */
export async function loadOfficeKeys(db: Executor, operatorKey: Buffer | null, now: Date): Promise<OfficeKeys> {
  let stored = await readOfficeKeyMaterial(db);
  if (OFFICE_KEY_NAMES.some((name) => !stored.has(name))) {
    const offered = OFFICE_KEY_NAMES.map((name) => ({ name, material: materialOf(randomBytes(KEY_BYTES), operatorKey) }));
    await insertMissingOfficeKeys(db, offered, now.toISOString());
    stored = await readOfficeKeyMaterial(db);
  }
  return { secretKey: keyOf('secret-box', stored.get('secret-box'), operatorKey), codeKey: keyOf('code-hash', stored.get('code-hash'), operatorKey) };
}

/**
 * Seals the office's plain keys under the operator's key (the keys themselves stay, so every
 * secret and code stays readable); from then on every process needs the key file. Keys
 * already sealed under this key are left as they are; false when there was nothing to seal.
 */
export async function sealOfficeKeys(db: Executor, operatorKey: Buffer): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const stored = await readOfficeKeyMaterial(trx);
    let sealed = false;
    for (const [name, material] of stored) {
      if (isSealed(material)) continue;
      const key = keyOf(name as OfficeKeyName, material, null);
      await updateOfficeKeyMaterial(trx, name, materialOf(key, operatorKey));
      sealed = true;
    }
    return sealed;
  });
}

/** A desk's keys: the key files of its data folder, made when missing (as the core makes them). */
export function deskKeys(dataDir: string): OfficeKeys {
  return { secretKey: loadOrCreateKey(path.join(dataDir, SECRET_KEY_FILE)), codeKey: loadCodeKey(dataDir) };
}
