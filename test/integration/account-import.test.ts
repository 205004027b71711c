import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readImportFile } from '../../shared/account-import/import-file';
import { runImport } from '../../shared/account-import/run-import';
import { decodeCsvBytes } from '../../shared/csv/csv-text';
import { databaseFingerprint, errorOf, signedIn, startTestCore, type TestCore } from '../support/core';

let t: TestCore;
const now = new Date('2026-11-01T10:00:00.000Z');
let muller: { id: number };
let anna: { id: number };

beforeEach(async () => {
  t = await startTestCore({ clock: () => now });
  muller = await t.call('organisations:create', { name: 'Müller & Söhne GmbH' });
  await t.call('organisations:create', { name: 'Straßenbau Øresund' });
  anna = await t.call('persons:create', { organisationId: muller.id, firstName: 'Anna', lastName: 'Jansen', email: 'Anna.Jansen@example.com' });
  await t.call('portal-accounts:create', { username: 'taken@example.com', links: [{ organisationId: muller.id, isDefault: true }], roleGroupIds: [1] });
});
afterEach(async () => {
  await t.close();
});

/** Text as Dutch Excel saves "CSV": Windows-1252 bytes, semicolons, CRLF. */
const excelNl = (text: string) =>
  Uint8Array.from([...text.replaceAll('\n', '\r\n')].map((c) => ({ é: 0xe9, ö: 0xf6, ü: 0xfc, ß: 0xdf, Ø: 0xd8 })[c as 'é'] ?? c.charCodeAt(0)));

const FILE = `Email;Organisation;Person;Groups;Nickname;Language
anna@example.com;MULLER & SOHNE GMBH;anna.jansen@example.com;Client, Partner;André;nl
bau@example.com;strassenbau oresund;;;Jörg;
taken@example.com;Müller & Söhne GmbH;;;;
nobody@example.com;Nope BV;;;;
ANNA@example.com;Müller & Söhne GmbH;;;;
wrong.person@example.com;Straßenbau Øresund;${'{ANNA}'};;;
bad.group@example.com;Straßenbau Øresund;;Wizards;;
`;

const importFile = async (bytes: Uint8Array, dryRun: boolean, chunkSize = 2) =>
  runImport(readImportFile(decodeCsvBytes(bytes).text), (rows, dry) => t.call('portal-accounts:import', { rows, dryRun: dry }), { dryRun, chunkSize });

describe('importing portal accounts', () => {
  it('creates the good rows and rejects the bad ones with line and reason, the dry run reporting the same', async () => {
    const bytes = excelNl(FILE.replace('{ANNA}', String(anna.id)));
    const before = await databaseFingerprint(t.core);
    const dry = await importFile(bytes, true);
    expect(await databaseFingerprint(t.core)).toBe(before);
    const run = await importFile(bytes, false);
    const summary = (outcomes: typeof run.outcomes) => outcomes.map((o) => [o.line, o.outcome, o.reason?.code ?? null]);
    expect(summary(run.outcomes)).toEqual([
      [2, 'created', null],
      [3, 'created', null],
      [4, 'rejected', 'account_exists'],
      [5, 'rejected', 'organisation_unknown'],
      [6, 'rejected', 'same_email'],
      [7, 'rejected', 'person_elsewhere'],
      [8, 'rejected', 'group_unknown'],
    ]);
    expect(summary(dry.outcomes)).toEqual(summary(run.outcomes));
    expect(run.outcomes[4]?.reason?.params).toEqual({ line: 2 });
    expect(run.outcomes[5]?.reason?.params).toEqual({ person: String(anna.id), organisation: 'Müller & Söhne GmbH' });

    const created = await t.call('portal-accounts:get', { id: run.outcomes[0]?.accountId ?? 0 });
    expect(created).toMatchObject({ username: 'anna@example.com', nickname: 'André', language: 'nl', hasPassword: false, links: [{ organisationId: muller.id, personId: anna.id, isDefault: true }] });
    expect(created.roleGroupIds).toHaveLength(2);
    const bau = await t.call('portal-accounts:get', { id: run.outcomes[1]?.accountId ?? 0 });
    expect(bau).toMatchObject({ nickname: 'Jörg', links: [{ organisationName: 'Straßenbau Øresund' }] });
    // Found by the list's search (the index is kept) and audited once per account, as a single create is.
    expect((await t.call('portal-accounts:list', { search: 'straßenbau' })).rows.map((r) => r.username)).toEqual(['bau@example.com']);
    const audit = await t.call('audit:list', { entity: 'portal-account', entityId: created.id, limit: 10 });
    expect(audit.rows).toMatchObject([{ action: 'created', after: { username: 'anna@example.com', nickname: 'André', passwordSet: false, roleGroupIds: created.roleGroupIds } }]);
  });

  it('rejects a row whose email came earlier even when the caller sends it twice in one chunk, and a name of two organisations', async () => {
    await t.call('organisations:create', { name: 'MULLER & SOHNE GMBH' });
    const row = { email: 'x@example.com', organisation: 'Müller & Söhne GmbH', person: '', groups: '', nickname: '', language: '' };
    const out = await t.call('portal-accounts:import', { rows: [{ line: 2, ...row }, { line: 3, ...row, email: 'X@example.com', organisation: String(muller.id) }] });
    expect(out.map((o) => [o.outcome, o.reason?.code ?? null])).toEqual([
      ['rejected', 'organisation_ambiguous'],
      ['rejected', 'same_email'],
    ]);
  });

  it('writes 3,000 rows in chunks of 1,000 with one audit entry each', async () => {
    const lines = ['email,organisation'];
    for (let i = 0; i < 3000; i++) lines.push(`user${i}@example.com,Müller & Söhne GmbH`);
    const progress: number[] = [];
    const report = await runImport(readImportFile(lines.join('\n')), (rows, dryRun) => t.call('portal-accounts:import', { rows, dryRun }), {
      dryRun: false,
      onProgress: (p) => progress.push(p.done),
    });
    expect(report.outcomes.filter((o) => o.outcome === 'created')).toHaveLength(3000);
    expect(progress).toEqual([0, 1000, 2000, 3000]);
    expect((await t.call('portal-accounts:list', { organisationId: muller.id })).total).toBe(3001);
    const audits = await t.core.deps.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'created').where('entity', '=', 'portal-account').executeTakeFirstOrThrow();
    expect(Number(audits.n)).toBe(3001);
  });

  it('is for staff who may grant access only', async () => {
    const row = { line: 2, email: 'y@example.com', organisation: 'Müller & Söhne GmbH', person: '', groups: '', nickname: '', language: '' };
    await t.call('staff:create', { name: 'Plain', email: 'plain@example.com', password: 'Quiet-Harbour-73', role: 'staff', mayGrantAccess: false });
    const plain = await signedIn(t.core, 'plain@example.com', 'Quiet-Harbour-73');
    expect((await errorOf(t.call('portal-accounts:import', { rows: [row] }, plain))).code).toBe('FORBIDDEN');
  });
});
