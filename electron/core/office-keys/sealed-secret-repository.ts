import type { Executor } from '../db/connection';
import { SMS_GATEWAY_KEY } from '../outbox/sms-gateway-settings';
import { SMTP_SETTINGS_KEY } from '../outbox/smtp-settings';
import { readSettingJson, writeSetting } from '../settings/setting-repository';

/**
 * Every place the core keeps a secret sealed by its secret box. A new place must be added here,
 * or moving a desk's data to another key (reencrypt-secrets.ts) leaves it unreadable behind.
 */
export const SEALED_COLUMNS = ['outbox_mail.secret_enc', 'portal_account.totp_secret', 'document.payload_enc', 'portal_link_state.token_enc'] as const;
/** Settings (JSON) with a sealed field: the SMTP password, the SMS gateway's secret. */
export const SEALED_SETTINGS = { [SMTP_SETTINGS_KEY]: 'passwordEnc', [SMS_GATEWAY_KEY]: 'secretEnc' } as const;

export type SealedColumn = (typeof SEALED_COLUMNS)[number];
export type SealedPlace = SealedColumn | `setting.${keyof typeof SEALED_SETTINGS}`;

/** One sealed secret in a table: the row's key and the blob. */
export interface SealedValue {
  id: number | string;
  blob: string;
}

/** The sealed values of one column (rows without a secret left out). */
export async function readSealedColumn(db: Executor, column: SealedColumn): Promise<SealedValue[]> {
  switch (column) {
    case 'outbox_mail.secret_enc':
      return (await db.selectFrom('outbox_mail').select(['id', 'secret_enc']).where('secret_enc', 'is not', null).orderBy('id').execute()).map((r) => ({ id: r.id, blob: r.secret_enc ?? '' }));
    case 'portal_account.totp_secret':
      return (await db.selectFrom('portal_account').select(['id', 'totp_secret']).where('totp_secret', 'is not', null).orderBy('id').execute()).map((r) => ({ id: r.id, blob: r.totp_secret ?? '' }));
    case 'document.payload_enc':
      return (await db.selectFrom('document').select(['id', 'payload_enc']).orderBy('id').execute()).map((r) => ({ id: r.id, blob: r.payload_enc }));
    case 'portal_link_state.token_enc':
      return (await db.selectFrom('portal_link_state').select(['id', 'token_enc']).orderBy('id').execute()).map((r) => ({ id: r.id, blob: r.token_enc }));
  }
}

/**
 * Writes one value sealed anew, only while the row still holds `before` (a mail sent, a link
 * used meanwhile is left alone). The row's updated_at stays: its data did not change.
 */
export async function writeSealedValue(trx: Executor, column: SealedColumn, id: number | string, before: string, after: string): Promise<void> {
  switch (column) {
    case 'outbox_mail.secret_enc':
      await trx.updateTable('outbox_mail').set({ secret_enc: after }).where('id', '=', Number(id)).where('secret_enc', '=', before).execute();
      return;
    case 'portal_account.totp_secret':
      await trx.updateTable('portal_account').set({ totp_secret: after }).where('id', '=', Number(id)).where('totp_secret', '=', before).execute();
      return;
    case 'document.payload_enc':
      await trx.updateTable('document').set({ payload_enc: after }).where('id', '=', Number(id)).where('payload_enc', '=', before).execute();
      return;
    case 'portal_link_state.token_enc':
      await trx.updateTable('portal_link_state').set({ token_enc: after }).where('id', '=', String(id)).where('token_enc', '=', before).execute();
      return;
  }
}

/** A setting's sealed field, or null when the setting or its secret is not there. */
export async function readSealedSetting(db: Executor, key: keyof typeof SEALED_SETTINGS): Promise<string | null> {
  const json = await readSettingJson(db, key);
  if (json === null) return null;
  const blob = (JSON.parse(json) as Record<string, unknown>)[SEALED_SETTINGS[key]];
  return typeof blob === 'string' ? blob : null;
}

/** Writes a setting's sealed field anew, the rest of the setting as it is. */
export async function writeSealedSetting(trx: Executor, key: keyof typeof SEALED_SETTINGS, after: string): Promise<void> {
  const json = await readSettingJson(trx, key);
  if (json === null) return;
  await writeSetting(trx, key, { ...(JSON.parse(json) as Record<string, unknown>), [SEALED_SETTINGS[key]]: after });
}

/**
 * How many rows depend on the current keys: sealed secrets, and codes hashed under the code key
 * (activation, recovery, SMS). Zero means the keys may still be replaced without losing anything.
 */
export async function countKeyedRows(db: Executor): Promise<number> {
  const counts = [
    db.selectFrom('outbox_mail').select((eb) => eb.fn.countAll<number>().as('n')).where('secret_enc', 'is not', null),
    db.selectFrom('portal_account').select((eb) => eb.fn.countAll<number>().as('n')).where('totp_secret', 'is not', null),
    db.selectFrom('document').select((eb) => eb.fn.countAll<number>().as('n')),
    db.selectFrom('portal_link_state').select((eb) => eb.fn.countAll<number>().as('n')),
    db.selectFrom('portal_account_token').select((eb) => eb.fn.countAll<number>().as('n')).where('code_hash', 'is not', null),
    db.selectFrom('portal_recovery_code').select((eb) => eb.fn.countAll<number>().as('n')),
    db.selectFrom('portal_two_step_code').select((eb) => eb.fn.countAll<number>().as('n')),
  ];
  let n = 0;
  for (const query of counts) n += Number((await query.executeTakeFirstOrThrow()).n);
  for (const key of Object.keys(SEALED_SETTINGS) as (keyof typeof SEALED_SETTINGS)[]) if ((await readSealedSetting(db, key)) !== null) n += 1;
  return n;
}
