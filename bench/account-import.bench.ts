/**
 * npm run bench (part 4): importing N portal accounts from a CSV file as Dutch Excel
 * writes it (Windows-1252, semicolons, CRLF) the way the CLI and the screen do it
 * (decode, parse, check and write through the dispatcher in chunks), next to raw
 * prepared INSERTs of the same rows (account, link, group, search document, audit
 * entry) in one transaction on a database of its own, in the same run.
 * Goal (issue 9, point 12): within 2x. Options: --rows 100000. Writes bench-results-import.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { readImportFile } from '../shared/account-import/import-file';
import { runImport } from '../shared/account-import/run-import';
import { decodeCsvBytes } from '../shared/csv/csv-text';
import { newSessionSlot } from '../electron/core/auth/session';
import { openSqlite } from '../electron/core/db/connection';
import { openPortierCore } from '../electron/core/portier-core';

const GOAL_RATIO = 2;
/** Rows per call, as the CLI sends them. */
const CHUNK = 2000;
const ORGANISATION = 'Müller & Söhne GmbH';

const cp1252 = (text: string) => Buffer.from(text, 'latin1'); // the file's characters are all Latin-1

function csvFile(n: number): Buffer {
  const lines = ['Email;Organisation;Groups;Nickname;Language'];
  for (let i = 0; i < n; i++) lines.push(`klant${i}@example.nl;${ORGANISATION};Client;Jörg ${i};nl`);
  return cp1252(`${lines.join('\r\n')}\r\n`);
}

async function freshCore(label: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `portier-bench-import-${label}-`));
  const core = await openPortierCore({ dataDir });
  const admin = newSessionSlot();
  await core.call(admin, 'setup:create-administrator', { name: 'Bench Admin', email: 'bench@example.com', password: 'Quiet-Harbour-2026' });
  const org = await core.call(admin, 'organisations:create', { name: ORGANISATION });
  const client = (await core.call(admin, 'role-groups:list', {})).find((g) => g.name === 'Client');
  return { dataDir, core, admin, organisationId: org.id, groupId: client?.id ?? 0 };
}

async function product(bytes: Buffer, n: number): Promise<number> {
  const { dataDir, core, admin } = await freshCore('product');
  try {
    const t0 = performance.now();
    const file = readImportFile(decodeCsvBytes(bytes).text);
    const report = await runImport(file, (rows, dryRun) => core.call(admin, 'portal-accounts:import', { rows, dryRun }), { dryRun: false, chunkSize: CHUNK });
    const ms = performance.now() - t0;
    const created = report.outcomes.filter((o) => o.outcome === 'created').length;
    if (created !== n) throw new Error(`the import created ${created} of ${n} accounts`);
    return ms;
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function raw(n: number): Promise<number> {
  const { dataDir, core, organisationId, groupId } = await freshCore('raw');
  await core.close();
  const sqlite = openSqlite(path.join(dataDir, 'portier.sqlite'));
  try {
    const account = sqlite.prepare(
      `INSERT INTO portal_account (username, username_key, nickname, nickname_key, search_document, language, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'nl', 1, ?, ?) RETURNING id`,
    );
    const link = sqlite.prepare('INSERT INTO portal_account_link (account_id, organisation_id, person_id, is_default) VALUES (?, ?, NULL, 1)');
    const group = sqlite.prepare('INSERT INTO portal_account_role_group (account_id, role_group_id) VALUES (?, ?)');
    const search = sqlite.prepare(`INSERT INTO portal_account_search (rowid, document, stage) VALUES (?, ?, 'new')`);
    const audit = sqlite.prepare(`INSERT INTO audit_log (at, staff_id, entity, entity_id, action, after_json) VALUES (?, 1, 'portal-account', ?, 'created', ?)`);
    const t0 = performance.now();
    const at = new Date().toISOString();
    sqlite.transaction(() => {
      for (let i = 0; i < n; i++) {
        const username = `klant${i}@example.nl`;
        const nickname = `Jörg ${i}`;
        const document = `${username} ${nickname.toLowerCase()} ${ORGANISATION.toLowerCase()}`;
        const { id } = account.get(username, username, nickname, nickname.toLowerCase(), document, at, at) as { id: number };
        link.run(id, organisationId);
        group.run(id, groupId);
        search.run(id, document);
        audit.run(at, id, JSON.stringify({ username, nickname, links: [{ organisationId, personId: null, isDefault: true }], roleGroupIds: [groupId] }));
      }
    })();
    return performance.now() - t0;
  } finally {
    sqlite.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' } }, strict: true });
  const n = Number(values.rows);
  const bytes = csvFile(n);
  const rawMs = await raw(n);
  const importMs = await product(bytes, n);
  const ratio = importMs / rawMs;
  const result = { rows: n, importMs: Math.round(importMs), rawInsertMs: Math.round(rawMs), rowsPerSecond: Math.round(n / (importMs / 1000)), ratio: Number(ratio.toFixed(2)), meetsGoal: ratio <= GOAL_RATIO };
  console.log(
    `\nCSV import of ${n.toLocaleString('en')} rows: ${(importMs / 1000).toFixed(2)} s (${result.rowsPerSecond.toLocaleString('en')} rows/s); ` +
      `raw prepared INSERTs: ${(rawMs / 1000).toFixed(2)} s; ratio ${ratio.toFixed(2)} (goal <= ${GOAL_RATIO}) ${result.meetsGoal ? 'OK' : 'MISSED'}`,
  );
  fs.writeFileSync('bench-results-import.json', `${JSON.stringify(result, null, 2)}\n`);
}

await main();
