import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPortier } from '../support/cli';
import type { ChannelName, InputOf, OutputOf } from '../../shared/api';
import { openPortierCore } from '../../electron/core/portier-core';
import { ADMIN, signedIn, startTestCore, tempDataDir } from '../support/core';

// Typed by staff (or pasted from a customer's mail): a formula, a bidi override that reverses "exe.pdf", a bell and an ESC sequence.
// (A NUL is refused at the door, on both databases: PostgreSQL's text cannot hold it; validation.test.ts.)
const ORGANISATION = '=HYPERLINK("https://evil.example")\u202Efdp.exe\u0007\u001b[2J';
const FAMILY_NAME = '@Smith\u2066\u2069';
// Tab, line and page breaks (pdftotext ends each page with a form feed) are layout, not typed text.
const BIDI_OR_CONTROL = /(?![\t\n\f\r])\p{Cc}|[\u202a-\u202e\u2066-\u2069]/u;

const files = tempDataDir('portier-exports-');
let dataDir = '';
/** The test core's database: its data folder, and on PostgreSQL its URL (dropped after the file). */
let databaseUrl: string | undefined;
let dropDatabase: () => Promise<void> = () => Promise.resolve();
let letterId = 0;
let organisationId = 0;

beforeAll(async () => {
  const t = await startTestCore({ clock: () => new Date('2026-11-01T10:00:00.000Z') });
  dataDir = t.core.dataDir;
  databaseUrl = t.databaseUrl;
  // The core closes below; the database stays for the CLI and callOnce, dropped by t.close() after the file.
  dropDatabase = () => t.close();
  const org = await t.call('organisations:create', { name: ORGANISATION, postalCode: '3511 AA', city: 'Utrecht', country: 'NL' });
  organisationId = org.id;
  const person = await t.call('persons:create', { organisationId: org.id, firstName: '+Jan', lastName: FAMILY_NAME, email: 'jan@example.nl' });
  const groups = await t.call('role-groups:list', {});
  const account = await t.call('portal-accounts:create', { username: 'jan@example.nl', nickname: '-1+2', links: [{ organisationId: org.id, personId: person.id, isDefault: true }], roleGroupIds: [groups[0]?.id ?? 0] });
  await t.call('portal-accounts:send-activation', { ids: [account.id] });
  letterId = (await t.call('documents:list', { accountId: account.id })).rows[0]?.id ?? 0;
  // The data folder stays for the CLI; only the core closes.
  await t.core.close();
}, 30_000);
afterAll(async () => {
  await dropDatabase().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
  files.remove();
});

const cliArgs = () => ['--data-dir', dataDir, ...(databaseUrl ? ['--database', databaseUrl] : [])];

/** One call as the administrator on the data folder, the core closed again so the CLI has it to itself. */
async function callOnce<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const core = await openPortierCore({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
  try {
    return await core.call(await signedIn(core, ADMIN.email, ADMIN.password), channel, input);
  } finally {
    await core.close();
  }
}

describe('text that could run or mislead, in every export', () => {
  it('is stored as typed', async () => {
    const org = await callOnce('organisations:get', { id: organisationId });
    expect(org.name).toBe(ORGANISATION);
  });

  it('prints in the letter PDF without bidi or control characters', async () => {
    const file = await callOnce('documents:open', { id: letterId, format: 'pdf' });
    const pdf = path.join(files.dir, 'letter.pdf');
    fs.writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('fdp.exe[2J');
    expect(text).toContain('@Smith');
    expect(text).not.toMatch(BIDI_OR_CONTROL);
  });

  it('is written into the letter DOCX without bidi or control characters', async () => {
    const file = await callOnce('documents:open', { id: letterId, format: 'docx' });
    const docx = path.join(files.dir, 'letter.docx');
    fs.writeFileSync(docx, Buffer.from(file.base64, 'base64'));
    const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain('fdp.exe[2J');
    expect(xml).not.toMatch(BIDI_OR_CONTROL);
  });

  it('shows in the CLI account table with formulas quoted and no bidi or control characters; JSON keeps the value, escaped', async () => {
    const [table, json] = await Promise.all([runPortier(['accounts', 'list', ...cliArgs()]), runPortier(['accounts', 'list', '--json', ...cliArgs()])]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(`'=HYPERLINK("https://evil.example")fdp.exe[2J`);
    expect(table.stdout).toContain(`'+Jan @Smith`);
    expect(table.stdout).not.toMatch(BIDI_OR_CONTROL);
    expect(json.code).toBe(0);
    expect(json.stdout).not.toMatch(BIDI_OR_CONTROL);
    const row = JSON.parse(json.stdout.trim()) as { organisations: string[] };
    expect(row.organisations).toEqual([ORGANISATION]);
  }, 30_000);
});
