import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CODE_KEY_FILE } from '../../electron/core/activation/code-key';
import { carryDeskKeys, writeDeskKeys } from '../../electron/core/office-keys/carry-keys';
import { readOperatorKeyFile } from '../../electron/core/office-keys/office-key-material';
import { deskKeys, loadOfficeKeys, sealOfficeKeys } from '../../electron/core/office-keys/office-keys';
import { reencryptSecrets } from '../../electron/core/office-keys/reencrypt-secrets';
import { SEALED_COLUMNS } from '../../electron/core/office-keys/sealed-secret-repository';
import { readSmtpConnection } from '../../electron/core/outbox/smtp-settings';
import { keyFileSecretBox, keySecretBox, SECRET_KEY_FILE } from '../../electron/core/outbox/secret-box';
import { openPortierCore } from '../../electron/core/portier-core';
import { DEFAULT_SMS_BODY_TEMPLATE } from '../../shared/api/sms-gateway';
import { runPortier } from '../support/cli';
import { ADMIN, setTestPortalUrl, tempDataDir } from '../support/core';
import { openOfficeCore, type OfficeCore } from '../support/office';
import { portalSlot } from '../support/portal';
import { NO_POSTGRES, postgresAnswers, throwawayDatabase, type ThrowawayDatabase } from '../support/postgres';

/**
 * Issue 13: the office's keys sealed under an operator's key file (PORTIER_OFFICE_KEY_FILE), a
 * desk's keys carried into an office database (copy-to), and secrets sealed anew under another
 * key. Databases of the file's own: it runs once (vitest.config.ts, SQLITE_ONLY).
 */
const pgUp = await postgresAnswers();
const skip = pgUp ? '' : NO_POSTGRES;

let database: ThrowawayDatabase;
let files: ReturnType<typeof tempDataDir>;
const opened: OfficeCore[] = [];

beforeEach(async () => {
  files = tempDataDir('portier-office-files-');
  if (pgUp) database = await throwawayDatabase();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
  if (pgUp) await database.drop();
  files.remove();
});

const open = async (prefix: string, officeKeyFile?: string) => {
  const core = await openOfficeCore(database.url, prefix, officeKeyFile ? { officeKeyFile } : {});
  opened.push(core);
  return core;
};

/** An operator's key file as `openssl rand -base64 32` writes it. */
function operatorKeyFile(name: string): string {
  const file = path.join(files.dir, name);
  fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  return file;
}

describe("an operator's key file (PORTIER_OFFICE_KEY_FILE) seals the office's keys", () => {
  it.skipIf(!pgUp)(`processes given the same file share the keys; the database holds them only sealed; without the file or with another one a process is refused${skip}`, async () => {
    const file = operatorKeyFile('office.key');
    const a = await open('portier-sealed-a-', file);
    const b = await open('portier-sealed-b-', file);
    expect(b.core.deps.codeKey.equals(a.core.deps.codeKey)).toBe(true);
    expect(b.core.deps.secretBox.decrypt(a.core.deps.secretBox.encrypt('shared'))).toBe('shared');
    const rows = await a.core.deps.db.selectFrom('office_key').select('material').execute();
    expect(rows.every((r) => r.material.startsWith('sealed:'))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(a.core.deps.codeKey.toString('base64'));

    await expect(openPortierCore({ dataDir: path.join(files.dir, 'none'), databaseUrl: database.url })).rejects.toThrow(/sealed with an operator key: give this process the same key file \(PORTIER_OFFICE_KEY_FILE\)/);
    await expect(openPortierCore({ dataDir: path.join(files.dir, 'other'), databaseUrl: database.url, officeKeyFile: operatorKeyFile('other.key') })).rejects.toThrow(/does not open this office database's keys/);
    // Nothing the refused processes did changed the keys.
    expect(await a.core.deps.db.selectFrom('office_key').select('material').execute()).toEqual(rows);
  });

  it.skipIf(!pgUp)(`plain keys are sealed in place: what was sealed before stays readable, and from then on the file is needed${skip}`, async () => {
    const plain = await open('portier-plain-');
    const blob = plain.core.deps.secretBox.encrypt('sealed before');
    const file = operatorKeyFile('office.key');
    await expect(openPortierCore({ dataDir: path.join(files.dir, 'early'), databaseUrl: database.url, officeKeyFile: file })).rejects.toThrow(/not sealed with one/);
    expect(await sealOfficeKeys(plain.core.deps.db, readOperatorKeyFile(file))).toBe(true);
    expect(await sealOfficeKeys(plain.core.deps.db, readOperatorKeyFile(file))).toBe(false);
    const sealed = await open('portier-after-', file);
    expect(sealed.core.deps.secretBox.decrypt(blob)).toBe('sealed before');
    expect(sealed.core.deps.codeKey.equals(plain.core.deps.codeKey)).toBe(true);
    await expect(openPortierCore({ dataDir: path.join(files.dir, 'late'), databaseUrl: database.url })).rejects.toThrow(/sealed with an operator key/);
  });

  it.skipIf(!pgUp)(`reaches the core from the command line's environment${skip}`, async () => {
    const file = operatorKeyFile('office.key');
    const a = await open('portier-sealed-cli-', file);
    await a.core.call(a.admin, 'setup:create-administrator', { ...ADMIN });
    const dataDir = path.join(files.dir, 'cli');
    const without = await runPortier(['accounts', 'list', '--data-dir', dataDir], { PORTIER_DATABASE_URL: database.url });
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('sealed with an operator key');
    const withFile = await runPortier(['accounts', 'list', '--data-dir', dataDir], { PORTIER_DATABASE_URL: database.url, PORTIER_OFFICE_KEY_FILE: file });
    expect(withFile.stderr).toBe('');
    expect(withFile.code).toBe(0);
  });

  it('takes 32 raw bytes, base64 or hex, and refuses anything else without showing it', () => {
    const key = randomBytes(32);
    const write = (name: string, content: string | Buffer) => {
      fs.writeFileSync(path.join(files.dir, name), content);
      return path.join(files.dir, name);
    };
    expect(readOperatorKeyFile(write('raw', key)).equals(key)).toBe(true);
    expect(readOperatorKeyFile(write('b64', `${key.toString('base64')}\n`)).equals(key)).toBe(true);
    expect(readOperatorKeyFile(write('hex', key.toString('hex'))).equals(key)).toBe(true);
    expect(() => readOperatorKeyFile(write('short', 'hunter2-not-a-key'))).toThrow(/must hold a 32-byte key/);
    expect(() => readOperatorKeyFile(write('short2', 'hunter2-not-a-key'))).not.toThrow(/hunter2/);
    expect(() => readOperatorKeyFile(path.join(files.dir, 'missing'))).toThrow(/cannot be read: ENOENT/);
  });
});

describe("a desk's keys carried into the office database (copy-to)", () => {
  it.skipIf(!pgUp)(`an empty office database takes the desk's keys: what the desk sealed and hashed works in the office${skip}`, async () => {
    const desk = tempDataDir('portier-desk-');
    try {
      const sqlite = await openPortierCore({ dataDir: desk.dir });
      const blob = sqlite.deps.secretBox.encrypt('from the desk');
      await sqlite.close();
      // Before the rows are copied: the database may already have keys of its own (a core opened it), but no secrets under them.
      const early = await open('portier-early-');
      expect(await carryDeskKeys(early.core.deps.db, deskKeys(desk.dir), null, new Date())).toBe('carried');
      expect(await carryDeskKeys(early.core.deps.db, deskKeys(desk.dir), null, new Date())).toBe('already-there');
      const office = await open('portier-office-');
      expect(office.core.deps.secretBox.decrypt(blob)).toBe('from the desk');
      expect(office.core.deps.codeKey.equals(fs.readFileSync(path.join(desk.dir, CODE_KEY_FILE)))).toBe(true);
      // And back: a new desk folder gets the office's keys as its key files.
      const back = tempDataDir('portier-back-');
      try {
        writeDeskKeys(back.dir, await loadOfficeKeys(office.core.deps.db, null, new Date()));
        expect(keyFileSecretBox(back.dir).decrypt(blob)).toBe('from the desk');
        expect(() => writeDeskKeys(back.dir, { secretKey: randomBytes(32), codeKey: randomBytes(32) })).toThrow(/holds another key/);
        expect(fs.statSync(path.join(back.dir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
      } finally {
        back.remove();
      }
    } finally {
      desk.remove();
    }
  });

  it.skipIf(!pgUp)(`is refused once the office database holds secrets under keys of its own, which stay as they were${skip}`, async () => {
    const office = await open('portier-busy-');
    await office.core.call(office.admin, 'setup:create-administrator', { ...ADMIN });
    await office.core.call(office.admin, 'smtp:update', { host: 'smtp.example.com', port: 587, tls: 'starttls', user: 'mailer', password: 'office-password', senderAddress: 'portier@example.com', senderName: 'Portier' });
    const desk = tempDataDir('portier-desk-');
    try {
      await expect(carryDeskKeys(office.core.deps.db, deskKeys(desk.dir), null, new Date())).rejects.toThrow(/already holds secrets or codes under keys of its own/);
      const reopened = await open('portier-busy-again-');
      expect((await readSmtpConnection(reopened.core.deps.db, reopened.core.deps.secretBox))?.password).toBe('office-password');
    } finally {
      desk.remove();
    }
  });
});

/** The token of the account's activation mail, opened by the core's secret box. */
async function mailedToken(core: OfficeCore['core'], accountId: number): Promise<string> {
  const mail = await core.deps.db.selectFrom('outbox_mail').select('secret_enc').where('account_id', '=', accountId).executeTakeFirstOrThrow();
  return core.deps.secretBox.decrypt(mail.secret_enc ?? '');
}

describe('secrets sealed anew under another key', () => {
  it.skipIf(!pgUp)(`knows every column that holds a sealed secret (named *_enc, and the TOTP secret)${skip}`, async () => {
    const office = await open('portier-columns-');
    const { rows } = await sql<{ place: string }>`
      SELECT table_name || '.' || column_name AS place FROM information_schema.columns
      WHERE table_schema = current_schema() AND (column_name LIKE '%\_enc' OR column_name = 'totp_secret') ORDER BY 1`.execute(office.core.deps.db);
    expect(rows.map((r) => r.place).sort()).toEqual([...SEALED_COLUMNS].sort());
  });

  it.skipIf(!pgUp)(`every sealed place moves to the other key and back; what neither key opens is reported and left alone${skip}`, async () => {
    const office = await open('portier-rekey-');
    const { core } = office;
    await core.call(office.admin, 'setup:create-administrator', { ...ADMIN });
    await setTestPortalUrl(core);
    await core.call(office.admin, 'smtp:update', { host: 'smtp.example.com', port: 587, tls: 'starttls', user: 'mailer', password: 'office-password', senderAddress: 'portier@example.com', senderName: 'Portier' });
    await core.call(office.admin, 'sms-gateway:update', { url: 'https://sms.example.com/send', headerName: 'Authorization', secret: 'Bearer sms', bodyTemplate: DEFAULT_SMS_BODY_TEMPLATE });
    const organisation = await core.call(office.admin, 'organisations:create', { name: 'Brouwerij De Ster' });
    const groups = await core.call(office.admin, 'role-groups:list', {});
    const ids = [];
    for (const username of ['anna@example.com', 'bert@example.com']) {
      ids.push((await core.call(office.admin, 'portal-accounts:create', { username, links: [{ organisationId: organisation.id, isDefault: true }], roleGroupIds: [groups[0]?.id ?? 0] })).id);
    }
    await core.call(office.admin, 'portal-accounts:send-activation', { ids });
    const token = await mailedToken(core, ids[0] ?? 0);
    await core.portalCall(portalSlot(), 'portal-links:open', { kind: 'activation', token });
    await core.deps.db.updateTable('portal_account').set({ totp_secret: core.deps.secretBox.encrypt('JBSWY3DPEHPK3PXP') }).where('id', '=', ids[0] ?? 0).execute();
    // A blob of the desktop's OS keychain (safeStorage): no key of Portier's opens it.
    await core.deps.db.updateTable('portal_account').set({ totp_secret: 'ss1:b3BhcXVl' }).where('id', '=', ids[1] ?? 0).execute();

    const other = keySecretBox(() => Buffer.alloc(32, 7));
    const away = await reencryptSecrets(core.deps.db, core.deps.secretBox, other);
    expect(away.resealed).toEqual({
      'outbox_mail.secret_enc': 2,
      'portal_account.totp_secret': 1,
      'document.payload_enc': 2,
      'portal_link_state.token_enc': 1,
      'setting.smtp': 1,
      'setting.sms-gateway': 1,
    });
    expect(away.unreadable).toEqual([{ place: 'portal_account.totp_secret', id: ids[1] }]);
    expect((await readSmtpConnection(core.deps.db, other))?.password).toBe('office-password');
    await expect(readSmtpConnection(core.deps.db, core.deps.secretBox)).rejects.toThrow();
    // Run again, nothing moves; then everything comes back, and the office reads it as before.
    expect(await reencryptSecrets(core.deps.db, core.deps.secretBox, other)).toMatchObject({ resealed: {}, alreadyThere: 8 });
    expect((await reencryptSecrets(core.deps.db, other, core.deps.secretBox)).resealed['outbox_mail.secret_enc']).toBe(2);
    expect(await mailedToken(core, ids[0] ?? 0)).toBe(token);
    expect((await core.call(office.admin, 'documents:list', {})).rows).toHaveLength(2);
    const totp = await core.deps.db.selectFrom('portal_account').select('totp_secret').where('id', 'in', ids).orderBy('id').execute();
    expect(core.deps.secretBox.decrypt(totp[0]?.totp_secret ?? '')).toBe('JBSWY3DPEHPK3PXP');
    expect(totp[1]?.totp_secret).toBe('ss1:b3BhcXVl');
  });
});
