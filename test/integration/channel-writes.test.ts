import fs from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract, type ChannelName, type InputOf, type OutputOf } from '../../shared/api';
import type { Domain } from '../../shared/contract';
import { newSessionSlot, type SessionSlot } from '../../electron/core/auth/session';
import { openPortierCore, type PortierCore } from '../../electron/core/portier-core';
import { channelSamples, createSampleRows, type SampleIds } from '../support/channel-samples';
import { ADMIN, signedIn, startTestCore, tempDataDir } from '../support/core';
import { fingerprintedTables } from '../support/database-fingerprint';
import { pngImage } from '../support/images';
import { sampleTicketMove } from '../support/ticket-moves-world';
import { TableWriteRecorder } from '../support/table-writes';
import { insertSampleProject } from '../support/ticket-world';

/**
 * The contract's `changes` cannot drift from what a channel does: each channel is called
 * with its valid sample input on a copy of one prepared database, the tables it writes are
 * recorded, mapped to their domains, and every domain must be named in the channel's
 * `changes` (the renderer refreshes exactly those). Writing the audit log counts: the
 * audit screen must refresh too.
 *
 * Two recorders: a Kysely plugin sees every statement the core builds (query builder and
 * `sql`); temporary triggers on the core's connection see every row SQLite writes, also for
 * statements compiled once and replayed (compiledOnce bypasses plugins), ON DELETE CASCADE
 * and triggers. Only committed writes reach the triggers' table.
 */
const DOMAIN_OF_TABLE: Record<string, Domain | null> = {
  staff: 'staff',
  sign_in_failure: 'session',
  staff_preference: 'preferences',
  organisation: 'organisations',
  person: 'persons',
  audit_log: 'audit',
  setting: 'settings',
  mail_template: 'mail-templates',
  role_group: 'role-groups',
  role_group_permission: 'role-groups',
  portal_account: 'portal-accounts',
  portal_account_link: 'portal-accounts',
  portal_account_role_group: 'portal-accounts',
  portal_account_search: 'portal-accounts',
  portal_account_tally: 'portal-accounts',
  portal_account_token: 'portal-accounts',
  portal_session: 'portal-accounts',
  portal_recovery_code: 'portal-accounts',
  portal_two_step_code: 'portal-accounts',
  portal_link_state: 'portal-accounts',
  outbox_mail: 'outbox',
  document: 'documents',
  project: 'projects',
  task: 'projects',
  ticket_category: 'tickets',
  ticket: 'tickets',
  ticket_assignment: 'tickets',
  ticket_category_link: 'tickets',
  ticket_comment: 'tickets',
  time_entry: 'tickets',
  hour_card: 'hours',
  ticket_right: 'ticket-rights',
  ticket_right_task: 'ticket-rights',
  // Written when a core opens a PostgreSQL database (the office's keys), never by a channel.
  office_key: 'settings',
  // Print and ticket jobs (migration 0032): asked for by their status channels, shown in no list; null: no screen refreshes on them.
  background_job: null,
};

interface Caller {
  core: PortierCore;
  session: SessionSlot;
  ids: SampleIds;
  call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
}

interface Case {
  /** Before recording: makes the sample's call one that succeeds and writes; may hand back another input. */
  prepare?: (caller: Caller) => Promise<Record<string, unknown> | void>;
  /** Setup channels run on a database without an administrator, by an anonymous caller. */
  withoutAdministrator?: true;
  /** The sample fails on purpose (a wrong password): what it writes anyway must still be declared. */
  fails?: true;
  /** Runs the call and whatever finishes it (with the input prepare handed back, else the sample); returns whether it succeeded. */
  run?: (caller: Caller, input: Record<string, unknown>) => Promise<boolean>;
  /** Domains the run may change besides the channel's own (a print job ends in print-status). */
  alsoDeclaredBy?: ChannelName;
}

const sendActivation = async (c: Caller) => {
  await c.call('portal-accounts:send-activation', { ids: [c.ids.account] });
  const documents = await c.call('documents:list', { accountId: c.ids.account, offset: 0, limit: 10 });
  const mails = await c.call('outbox:list', { status: 'queued', accountId: c.ids.account, offset: 0, limit: 10 });
  return { document: documents.rows[0]?.id ?? 0, mail: mails.rows[0]?.id ?? 0 };
};

/** Starts printing the account's letter (sent in prepare) and asks for the job's status until the PDF is there. */
async function printUntilDone(c: Caller): Promise<boolean> {
  const { jobId } = await c.call('documents:print-start', { ids: [c.ids.account] });
  for (let i = 0; i < 400; i++) {
    const status = await c.call('documents:print-status', { jobId });
    if (status.file) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

/** Starts a ticket job (fix/jobs), asks to stop it at once when `cancel`, and asks for its status until it has ended. */
async function ticketJobUntilEnded(c: Caller, channel: 'tickets:move-start' | 'tickets:bulk-update-start', input: Record<string, unknown>, cancel = false): Promise<boolean> {
  const { jobId } = await c.call(channel, input as never);
  if (cancel && !(await c.call('tickets:job-cancel', { jobId })).cancelled) return false;
  for (let i = 0; i < 400; i++) {
    const status = await c.call('tickets:job-status', { jobId });
    if (status.report) return status.report.kind === (cancel ? 'cancelled' : channel === 'tickets:move-start' ? 'move' : 'bulk-update');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return false;
}

/** The sample bulk update, not as a dry run: what a bulk update job takes. */
const bulkJobInput = (c: Caller) => {
  const { preview: _preview, ...input } = channelSamples(c.ids)['tickets:bulk-update'];
  return Promise.resolve(input);
};

const CASES: Partial<Record<ChannelName, Case>> = {
  'setup:create-administrator': { withoutAdministrator: true },
  'session:sign-in': { fails: true },
  // Nothing listens on the sample's port 9, and a test core has no shell to switch its database:
  // the connect screen's channels fail here, and must write no table of the database doing so.
  'office-database:test': { fails: true },
  'office-database:use': { fails: true },
  'office-database:forget': { fails: true },
  'organisations:delete': { prepare: async (c) => ({ id: (await c.call('organisations:create', { name: 'Empty BV' })).id }) },
  'persons:delete': { prepare: async (c) => ({ id: (await c.call('persons:create', { organisationId: c.ids.organisation, lastName: 'Alone' })).id }) },
  'role-groups:delete': { prepare: async (c) => ({ id: c.ids.roleGroup, moveAccountsTo: (await c.call('role-groups:create', { name: 'Heirs', permissions: ['dashboard'] })).id }) },
  'portal-accounts:create-for-persons': {
    prepare: async (c) => {
      const person = await c.call('persons:create', { organisationId: c.ids.organisation, lastName: 'Newcomer', email: 'newcomer@example.com' });
      return { personIds: [person.id], roleGroupIds: [c.ids.roleGroup] };
    },
  },
  'mail-templates:reset': {
    prepare: async (c) => {
      await c.call('mail-templates:update', { type: 'welcome', language: 'en', subject: 'Hi {{ name }}', html: '<p>{{ username }} {{ portal_url }}</p>' });
    },
  },
  'activation-settings:remove-logo': {
    prepare: async (c) => {
      await c.call('activation-settings:set-logo', { mimeType: 'image/png', dataBase64: pngImage(8, 4).toString('base64') });
    },
  },
  'hour-cards:delete': {
    // An organisation without booked time: the sample organisation's time uses up any card, and a used card is kept.
    prepare: async (c) => {
      const organisation = await c.call('organisations:create', { name: 'Hour card BV' });
      return { id: (await c.call('hour-cards:create', { organisationId: organisation.id, purchasedOn: '2026-02-01', minutes: 60 })).id };
    },
  },
  'documents:open': { prepare: async (c) => ({ id: (await sendActivation(c)).document, format: 'pdf' }) },
  'documents:delete': { prepare: async (c) => ({ id: (await sendActivation(c)).document }) },
  'documents:letters-pdf': { prepare: async (c) => ({ ids: [(await sendActivation(c)).document] }) },
  // The job writes in the background after print-start answered; the status call that hands out the PDF tells the renderer.
  'documents:print-start': { prepare: async (c) => void (await sendActivation(c)), run: printUntilDone, alsoDeclaredBy: 'documents:print-status' },
  'documents:print-status': { prepare: async (c) => void (await sendActivation(c)), run: printUntilDone, alsoDeclaredBy: 'documents:print-start' },
  'outbox:get': { prepare: async (c) => ({ id: (await sendActivation(c)).mail }) },
  'outbox:cancel': { prepare: async (c) => ({ id: (await sendActivation(c)).mail }) },
  'outbox:retry': {
    prepare: async (c) => {
      const { mail } = await sendActivation(c);
      // A mail the worker gave up on; no channel fails a mail, the worker does.
      await sql`UPDATE outbox_mail SET status = 'failed', last_error = 'refused' WHERE id = ${mail}`.execute(c.core.deps.db);
      return { id: mail };
    },
  },
  // Ticket rights and "view as contact" (issue 11): a project of the sample organisation, with a task and a ticket.
  'ticket-rights:grant': { prepare: async (c) => ({ ...channelSamples(c.ids)['ticket-rights:grant'], projectId: (await insertSampleProject(c.core.deps.db, c.ids.organisation)).projectId }) },
  'ticket-rights:revoke': {
    prepare: async (c) => {
      const { projectId } = await insertSampleProject(c.core.deps.db, c.ids.organisation);
      return { id: (await c.call('ticket-rights:grant', { holder: { personId: c.ids.person }, projectId, scope: 'existing_tasks' })).id };
    },
  },
  'ticket-view:explain': { prepare: async (c) => ({ contact: { personId: c.ids.person }, number: (await insertSampleProject(c.core.deps.db, c.ids.organisation)).ticketNumber }) },
  'tickets:move-preview': { prepare: (c) => sampleTicketMove(c.core.deps.db, c.ids.staff) },
  'tickets:move': { prepare: (c) => sampleTicketMove(c.core.deps.db, c.ids.staff) },
  // Ticket jobs (fix/jobs) write in the background after the start answered; the status call that hands out the report tells the renderer.
  'tickets:move-start': { prepare: (c) => sampleTicketMove(c.core.deps.db, c.ids.staff), run: (c, input) => ticketJobUntilEnded(c, 'tickets:move-start', input), alsoDeclaredBy: 'tickets:job-status' },
  'tickets:bulk-update-start': { prepare: bulkJobInput, run: (c, input) => ticketJobUntilEnded(c, 'tickets:bulk-update-start', input), alsoDeclaredBy: 'tickets:job-status' },
  'tickets:job-status': { prepare: (c) => sampleTicketMove(c.core.deps.db, c.ids.staff), run: (c, input) => ticketJobUntilEnded(c, 'tickets:move-start', input) },
  // Stopped, the job rolls back: its statements ran (the plugin sees them) but nothing was committed.
  'tickets:job-cancel': { prepare: (c) => sampleTicketMove(c.core.deps.db, c.ids.staff), run: (c, input) => ticketJobUntilEnded(c, 'tickets:move-start', input, true), alsoDeclaredBy: 'tickets:job-status' },
};

const changesOf = (name: ChannelName): readonly Domain[] => (contract[name] as { changes?: readonly Domain[] }).changes ?? [];

/** Temporary triggers (this connection only, never in the file) that note every row written to a table. */
async function recordRowWrites(db: Kysely<unknown>): Promise<() => Promise<string[]>> {
  await sql`CREATE TEMP TABLE written_table (name TEXT NOT NULL)`.execute(db);
  for (const table of await fingerprintedTables(db)) {
    if (table.fullText) continue; // SQLite allows no triggers on a virtual table: the plugin sees its statements.
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      const trigger = `written_${table.name}_${event.toLowerCase()}`;
      await sql
        .raw(`CREATE TEMP TRIGGER "${trigger}" AFTER ${event} ON main."${table.name}" BEGIN INSERT INTO written_table (name) VALUES ('${table.name}'); END`)
        .execute(db);
    }
  }
  return async () => (await sql<{ name: string }>`SELECT DISTINCT name FROM written_table`.execute(db)).rows.map((r) => r.name);
}

let prepared: { withSamples: string; withoutAdministrator: string; ids: SampleIds; remove: () => void };

beforeAll(async () => {
  const withSamples = await startTestCore();
  const ids = await createSampleRows(withSamples);
  await withSamples.core.close();
  const withoutAdministrator = await startTestCore({ withAdmin: false });
  await withoutAdministrator.core.close();
  prepared = {
    withSamples: withSamples.core.dataDir,
    withoutAdministrator: withoutAdministrator.core.dataDir,
    ids,
    remove: () => [withSamples, withoutAdministrator].forEach((t) => fs.rmSync(t.core.dataDir, { recursive: true, force: true })),
  };
});
afterAll(() => prepared.remove());

/** What one channel's sample call writes, on its own copy of the prepared database. */
async function tablesWrittenBy(name: ChannelName): Promise<{ ok: boolean; tables: string[] }> {
  const testCase = CASES[name] ?? {};
  const copy = tempDataDir('portier-writes-');
  fs.cpSync(testCase.withoutAdministrator ? prepared.withoutAdministrator : prepared.withSamples, copy.dir, { recursive: true });
  const core = await openPortierCore({ dataDir: copy.dir });
  try {
    const session = testCase.withoutAdministrator ? newSessionSlot() : await signedIn(core, ADMIN.email, ADMIN.password);
    const caller: Caller = { core, session, ids: prepared.ids, call: (channel, input) => core.call(session, channel, input) };
    const input = (await testCase.prepare?.(caller)) ?? channelSamples(prepared.ids)[name];
    const rowWrites = await recordRowWrites(core.deps.db as unknown as Kysely<unknown>);
    const statements = new TableWriteRecorder();
    core.deps.db = core.deps.db.withPlugin(statements);
    const ok = testCase.run ? await testCase.run(caller, input) : (await core.invoke(session, name, input)).ok;
    const tables = new Set([...statements.take(), ...(await rowWrites())]);
    return { ok, tables: [...tables].sort() };
  } finally {
    await core.close();
    copy.remove();
  }
}

describe('what each channel writes is named in its `changes`', () => {
  it('maps every table of the schema to a domain, and only tables that exist', async () => {
    const t = await startTestCore({ withAdmin: false });
    try {
      const tables = (await fingerprintedTables(t.core.deps.db as unknown as Kysely<unknown>)).map((table) => table.name).sort();
      expect(Object.keys(DOMAIN_OF_TABLE).sort()).toEqual(tables);
    } finally {
      await t.close();
    }
  });

  for (const name of CHANNEL_NAMES) {
    const testCase = CASES[name] ?? {};
    it(name, async () => {
      const { ok, tables } = await tablesWrittenBy(name);
      expect(ok, `${name}: the sample call ${testCase.fails ? 'succeeded, but it is meant to fail' : 'failed'}`).toBe(!testCase.fails);
      const unmapped = tables.filter((table) => !(table in DOMAIN_OF_TABLE));
      expect(unmapped, `${name} writes tables with no domain: add them to DOMAIN_OF_TABLE`).toEqual([]);
      const declared = new Set([...changesOf(name), ...(testCase.alsoDeclaredBy ? changesOf(testCase.alsoDeclaredBy) : [])]);
      const undeclared = [...new Set(tables.map((table) => DOMAIN_OF_TABLE[table]))].filter((domain): domain is Domain => domain !== null && domain !== undefined && !declared.has(domain));
      expect(undeclared, `${name} writes ${tables.join(', ')} but its changes do not name ${undeclared.join(', ')}`).toEqual([]);
    });
  }

  it('proves something: the recorders see the writes of a channel that changes data', async () => {
    const { tables } = await tablesWrittenBy('portal-accounts:send-activation');
    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'document', 'outbox_mail', 'portal_account', 'portal_account_token']));
  });
});
