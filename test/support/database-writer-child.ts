/**
 * A process that writes to a Portier database in a loop, as another Portier process would,
 * for the backup-under-load test. Writes rows to table backup_load until STOP_FILE exists,
 * printing "writing" after its first commit.
 * Usage: node --import tsx database-writer-child.ts DATABASE STOP_FILE
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { openSqlite } from '../../electron/core/db/connection';

const [database, stopFile] = process.argv.slice(2);
if (!database || !stopFile) throw new Error('usage: database-writer-child.ts DATABASE STOP_FILE');
const sqlite = openSqlite(database);
// Four of these and a backup share two cores: a writer may wait its turn for long, but never fails.
sqlite.pragma('busy_timeout = 60000');
const insert = sqlite.prepare('INSERT INTO backup_load (writer, payload) VALUES (?, ?)');
const burst = sqlite.transaction((n: number) => {
  for (let i = 0; i < n; i += 1) insert.run(process.pid, randomBytes(200).toString('hex'));
});
let first = true;
// Never outlive a test that died without writing STOP_FILE: the loop is synchronous, so no event could stop it.
const deadline = Date.now() + 120_000;
while (!fs.existsSync(stopFile) && Date.now() < deadline) {
  // IMMEDIATE: take the write lock when the transaction begins, as Portier's own writers do.
  burst.immediate(20);
  if (first) process.stdout.write('writing\n');
  first = false;
}
sqlite.close();
