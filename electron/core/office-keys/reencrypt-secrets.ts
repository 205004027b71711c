import type { Executor } from '../db/connection';
import type { SecretBox } from '../outbox/secret-box';
import { readSealedColumn, readSealedSetting, SEALED_COLUMNS, SEALED_SETTINGS, writeSealedSetting, writeSealedValue, type SealedPlace } from './sealed-secret-repository';

/** What reencryptSecrets did, per place; never a secret. */
export interface ReencryptReport {
  /** Secrets `from` opened and `to` sealed anew. */
  resealed: Partial<Record<SealedPlace, number>>;
  /** Secrets `to` opens already (a second run): left as they are. */
  alreadyThere: number;
  /** Secrets neither box opens (e.g. the desktop's safeStorage blobs, read from the CLI): left as they are. */
  unreadable: { place: SealedPlace; id: number | string | null }[];
}

/**
 * Seals every secret of the database (SEALED_COLUMNS, SEALED_SETTINGS) anew: opened with `from`,
 * sealed with `to`, in one transaction. For moving secrets between keys: a desk's data copied
 * into an office database that keeps keys of its own, secrets the desktop sealed with its OS
 * keychain (safeStorage, "ss1:") that other processes cannot open, or a key rotation. Code hashes
 * cannot move this way (carry-keys.ts). Run it while no other process works on the database.
 */
export async function reencryptSecrets(db: Executor, from: SecretBox, to: SecretBox): Promise<ReencryptReport> {
  const report: ReencryptReport = { resealed: {}, alreadyThere: 0, unreadable: [] };
  /** The blob sealed anew, or null when it stays as it is. */
  const reseal = (place: SealedPlace, id: number | string | null, blob: string): string | null => {
    if (opens(to, blob)) {
      report.alreadyThere += 1;
      return null;
    }
    let plain: string;
    try {
      plain = from.decrypt(blob);
    } catch {
      report.unreadable.push({ place, id });
      return null;
    }
    report.resealed[place] = (report.resealed[place] ?? 0) + 1;
    return to.encrypt(plain);
  };
  await db.transaction().execute(async (trx) => {
    for (const column of SEALED_COLUMNS) {
      for (const { id, blob } of await readSealedColumn(trx, column)) {
        const after = reseal(column, id, blob);
        if (after !== null) await writeSealedValue(trx, column, id, blob, after);
      }
    }
    for (const key of Object.keys(SEALED_SETTINGS) as (keyof typeof SEALED_SETTINGS)[]) {
      const blob = await readSealedSetting(trx, key);
      const after = blob === null ? null : reseal(`setting.${key}`, null, blob);
      if (after !== null) await writeSealedSetting(trx, key, after);
    }
  });
  return report;
}

function opens(box: SecretBox, blob: string): boolean {
  try {
    box.decrypt(blob);
    return true;
  } catch {
    return false;
  }
}
