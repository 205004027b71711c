import fs from 'node:fs';
import path from 'node:path';
import type { OutboxRow } from './outbox-repository';

/**
 * Without an SMS gateway: the message as DATA_DIR/outbox/<id>.sms.txt (readable only by the
 * user), as mails are kept as .eml files. Unlike a mail's link, the code is written out: it is
 * useless without the account's password, single use and dead after 5 minutes, and without it
 * the file could not stand in for the phone (a test set-up, a desk without a gateway yet).
 */
export function writeSmsFile(dataDir: string, row: OutboxRow, text: string): string {
  const dir = path.join(dataDir, 'outbox');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${String(row.id).padStart(6, '0')}.sms.txt`);
  fs.writeFileSync(file, `To: ${row.to_address}\nKind: ${row.kind}\nQueued: ${row.created_at}\n\n${text}\n`, { mode: 0o600 });
  return file;
}
