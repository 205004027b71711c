import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandLine, PortierCore } from '../../electron/core/portier-core';
import { openPortierCore } from '../../electron/core/portier-core';
import { commandLineAs } from '../../electron/cli/cli-session';
import { explain } from '../../electron/core/ticket-access/ticket-access';
import { readAllTicketFacts } from '../../electron/core/ticket-access/ticket-access-repository';
import { loadScope } from '../../electron/core/ticket-access/ticket-view-service';
import { runPortier as portier } from '../support/cli';
import { tempDataDir } from '../support/core';

/*
 * The CLI of issue 11 on the seeded demo: tickets list --as and explain against the view-as
 * channels, rights grant/list/revoke, report access as CSV and XLSX, and what seed-demo made.
 */

let temp: ReturnType<typeof tempDataDir>;
let dataDir: string;
let seedOutput = '';
const data = () => ['--data-dir', dataDir];

beforeAll(async () => {
  temp = tempDataDir('portier-cli-access-');
  dataDir = path.join(temp.dir, 'data');
  const run = await portier(['seed-demo', ...data()]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  seedOutput = run.stdout;
}, 180_000);

afterAll(() => temp.remove());

async function withCore<T>(work: (cli: CommandLine, core: PortierCore) => Promise<T>): Promise<T> {
  const core = await openPortierCore({ dataDir });
  try {
    return await work(await commandLineAs(core), core);
  } finally {
    await core.close();
  }
}

/** The demo accounts whose default link's person holds live rights, with the rights' scopes. */
async function contactsWithRights(): Promise<{ username: string; accountId: number; personId: number; organisationId: number; scopes: string[] }[]> {
  return withCore(async (_cli, core) => {
    const rows = await core.deps.db
      .selectFrom('portal_account as a')
      .innerJoin('portal_account_link as l', (j) => j.onRef('l.account_id', '=', 'a.id').on('l.is_default', '=', 1))
      .innerJoin('ticket_right as r', 'r.person_id', 'l.person_id')
      .select(['a.username', 'a.id', 'l.person_id', 'l.organisation_id', 'r.scope', 'r.read_only'])
      .where('r.revoked_at', 'is', null)
      .orderBy('a.id')
      .execute();
    const byAccount = new Map<number, { username: string; accountId: number; personId: number; organisationId: number; scopes: string[] }>();
    for (const r of rows) {
      const entry = byAccount.get(r.id) ?? { username: r.username, accountId: r.id, personId: r.person_id ?? 0, organisationId: r.organisation_id, scopes: [] };
      entry.scopes.push(r.read_only === 1 ? `${r.scope}:read_only` : r.scope);
      byAccount.set(r.id, entry);
    }
    return [...byAccount.values()];
  });
}

const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('seed-demo', () => {
  it('grows projects, tasks, about 2,000 tickets with comments and time, hour cards and rights of every kind', async () => {
    expect(seedOutput).toMatch(/2000 tickets/);
    await withCore(async (cli, core) => {
      const db = core.deps.db;
      const count = async (table: 'ticket' | 'ticket_comment' | 'time_entry' | 'hour_card' | 'project' | 'task' | 'ticket_category') =>
        Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      expect(await count('ticket')).toBe(2000);
      expect(await count('project')).toBeGreaterThanOrEqual(20);
      expect(await count('task')).toBeGreaterThanOrEqual(60);
      expect(await count('ticket_category')).toBeGreaterThanOrEqual(3);
      expect(await count('hour_card')).toBeGreaterThanOrEqual(10);
      const comments = await db.selectFrom('ticket_comment').select('internal').execute();
      expect(new Set(comments.map((c) => c.internal))).toEqual(new Set([0, 1]));
      const entries = await db.selectFrom('time_entry').select('locked_at').execute();
      expect(entries.length).toBeGreaterThan(500);
      expect(entries.some((e) => e.locked_at !== null) && entries.some((e) => e.locked_at === null)).toBe(true);
      const internalProjects = await cli.call('projects:list', { internal: true });
      expect(internalProjects.total).toBeGreaterThanOrEqual(1);
      expect((await cli.call('projects:list', { internal: false })).total).toBeGreaterThanOrEqual(18);
      expect((await cli.call('ticket-rights:get-settings', {})).ticketRightsOnInternalProjects).toBe(true);
      const rights = await db.selectFrom('ticket_right').select(['scope', 'read_only', 'project_id']).execute();
      expect(new Set(rights.map((r) => r.scope))).toEqual(new Set(['one_task', 'all_tasks', 'existing_tasks']));
      expect(rights.some((r) => r.read_only === 1)).toBe(true);
      const internalIds = new Set(internalProjects.rows.map((p) => p.id));
      expect(rights.some((r) => internalIds.has(r.project_id))).toBe(true);
    });
  });
});

describe('tickets list --as and explain', () => {
  it('prints exactly what ticket-view:list shows for the account, for every demo contact with rights', async () => {
    const contacts = await contactsWithRights();
    expect(contacts.length).toBeGreaterThanOrEqual(4);
    let seen = 0;
    for (const contact of contacts.slice(0, 6)) {
      const run = await portier(['tickets', 'list', '--as', contact.username.toUpperCase(), '--json', ...data()]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const printed = jsonLines(run.stdout);
      const expected = await withCore(async (cli) => {
        const rows = [];
        for (let offset = 0; ; offset += 500) {
          const page = await cli.call('ticket-view:list', { contact: { accountId: contact.accountId }, quickLink: 'all', sort: 'updated', direction: 'desc', offset, limit: 500 });
          rows.push(...page.rows);
          if (page.rows.length < 500) return rows;
        }
      });
      expect(printed.map((t) => t.number)).toEqual(expected.map((t) => t.number));
      expect(printed.map((t) => [t.title, t.status, t.project, t.writable])).toEqual(expected.map((t) => [t.title, t.status, t.projectName, t.writable]));
      seen += printed.length;
    }
    expect(seen).toBeGreaterThan(0);
  }, 120_000);

  it('filters by project and status as the view does', async () => {
    const [contact] = await contactsWithRights();
    if (!contact) throw new Error('no demo contact with rights');
    const all = jsonLines((await portier(['tickets', 'list', '--as', contact.username, '--json', ...data()])).stdout);
    const first = all[0];
    if (!first) throw new Error('the contact sees no ticket');
    const filtered = jsonLines((await portier(['tickets', 'list', '--as', contact.username, '--project', String(first.projectId), '--status', String(first.status), '--json', ...data()])).stdout);
    expect(filtered.map((t) => t.number)).toEqual(all.filter((t) => t.projectId === first.projectId && t.status === first.status).map((t) => t.number));
  });

  it('explains as JSON why a ticket is visible and why another customer\'s is not, and says it in words', async () => {
    const [contact] = await contactsWithRights();
    if (!contact) throw new Error('no demo contact with rights');
    const visible = jsonLines((await portier(['tickets', 'list', '--as', contact.username, '--json', ...data()])).stdout)[0];
    const foreign = await withCore(async (cli) => (await cli.call('tickets:list', { limit: 500 })).rows.find((t) => t.organisationId !== contact.organisationId));
    if (!visible || !foreign) throw new Error('test data missing');

    const yes = await portier(['tickets', 'explain', '--as', contact.username, '--ticket', `T-${String(visible.number)}`, '--json', ...data()]);
    expect(yes.code).toBe(0);
    const yesJson = JSON.parse(yes.stdout) as { visible: boolean; writable: boolean; reasons: string[] };
    expect(yesJson.visible).toBe(true);
    expect(typeof yesJson.writable).toBe('boolean');
    expect(yesJson.reasons).toContain('visible');

    const no = await portier(['tickets', 'explain', '--as', contact.username, '--ticket', String(foreign.number), '--json', ...data()]);
    const noJson = JSON.parse(no.stdout) as { visible: boolean; writable: boolean; reasons: string[] };
    expect(noJson).toMatchObject({ visible: false, writable: false });
    expect(noJson.reasons.length).toBeGreaterThan(0);

    const words = await portier(['tickets', 'explain', '--as', contact.username, '--ticket', String(foreign.number), ...data()]);
    expect(words.code).toBe(0);
    expect(words.stdout).toContain('not visible');
    expect(words.stdout).toMatch(/no right on the ticket's project|another customer/);
  });

  it('refuses explain without --as or --ticket, and names an unknown account', async () => {
    expect((await portier(['tickets', 'explain', '--ticket', '10001', ...data()])).code).toBe(2);
    expect((await portier(['tickets', 'explain', '--as', 'x@example.com', ...data()])).code).toBe(2);
    const unknown = await portier(['tickets', 'list', '--as', 'nobody@nowhere.example', ...data()]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no portal account');
  });
});

describe('rights grant, list and revoke', () => {
  it('grants a one-task right to a person, which tickets list --as then shows, and revokes it', async () => {
    // An account with no rights yet, whose default link names a person.
    const target = await withCore(async (_cli, core) => {
      const rows = await core.deps.db
        .selectFrom('portal_account as a')
        .innerJoin('portal_account_link as l', (j) => j.onRef('l.account_id', '=', 'a.id').on('l.is_default', '=', 1))
        .select(['a.id', 'a.username', 'l.person_id', 'l.organisation_id', 'a.activated_at', 'a.active'])
        .where('l.person_id', 'is not', null)
        .where('a.activated_at', 'is not', null)
        .where('a.active', '=', 1)
        .where('l.person_id', 'not in', (eb) => eb.selectFrom('ticket_right').select('person_id').where('person_id', 'is not', null))
        .execute();
      return rows[0];
    });
    if (!target) throw new Error('no account without rights');
    const { project, task } = await withCore(async (cli) => {
      const p = (await cli.call('projects:list', { organisationId: target.organisation_id })).rows[0];
      if (!p) throw new Error('no project');
      const ticket = (await cli.call('tickets:list', { projectId: p.id, limit: 1 })).rows[0];
      if (!ticket) throw new Error('no ticket');
      return { project: p, task: { id: ticket.taskId } };
    });
    expect(jsonLines((await portier(['tickets', 'list', '--as', target.username, '--json', ...data()])).stdout)).toEqual([]);

    const granted = await portier(['rights', 'grant', '--account', target.username, '--project', String(project.id), '--scope', 'one_task', '--task', String(task.id), '--read-only', '--json', ...data()]);
    expect(granted.stderr).toBe('');
    expect(granted.code).toBe(0);
    const right = JSON.parse(granted.stdout) as { id: number; personId: number; scope: string; taskId: number; readOnly: boolean };
    expect(right).toMatchObject({ personId: target.person_id, scope: 'one_task', taskId: task.id, readOnly: true });

    const listed = jsonLines((await portier(['rights', 'list', '--person', String(target.person_id), '--json', ...data()])).stdout);
    expect(listed.map((r) => r.id)).toEqual([right.id]);
    const visible = jsonLines((await portier(['tickets', 'list', '--as', target.username, '--json', ...data()])).stdout);
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.every((t) => t.taskId === task.id && t.writable === false)).toBe(true);

    const revoked = await portier(['rights', 'revoke', '--right', String(right.id), ...data()]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`Revoked: right ${right.id}`);
    const after = jsonLines((await portier(['rights', 'list', '--account', target.username, '--json', ...data()])).stdout);
    expect(after.map((r) => [r.id, r.revokedAt !== null])).toEqual([[right.id, true]]);
    expect(jsonLines((await portier(['tickets', 'list', '--as', target.username, '--json', ...data()])).stdout)).toEqual([]);
  }, 60_000);

  it('refuses a grant without its scope, a task with a scope that takes none, and two contacts at once', async () => {
    expect((await portier(['rights', 'grant', '--person', '1', '--project', '1', ...data()])).code).toBe(2);
    expect((await portier(['rights', 'grant', '--person', '1', '--project', '1', '--scope', 'all_tasks', '--task', '3', ...data()])).code).toBe(2);
    expect((await portier(['rights', 'list', '--person', '1', '--account', 'a@b.example', ...data()])).code).toBe(2);
  });
});

describe('report access', () => {
  it('writes the review as CSV (";" in Dutch) and XLSX with the counts the report channel gives', async () => {
    const csvFile = path.join(temp.dir, 'access.csv');
    const xlsxFile = path.join(temp.dir, 'access.xlsx');
    const run = await portier(['report', 'access', '--csv', csvFile, '--xlsx', xlsxFile, '--language', 'nl', ...data()]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Access review of all organisations');
    const review = await withCore((cli) => cli.call('reports:access', {}));
    const links = review.accounts.reduce((n, a) => n + Math.max(a.links.length, 1), 0);
    expect(review.accounts.some((a) => a.visibleTickets > 0 && a.writableTickets < a.visibleTickets)).toBe(true);

    const csv = fs.readFileSync(csvFile, 'utf8').trimEnd().split('\r\n');
    expect(csv[0]?.split(';')[0]).toBe('Gebruikersnaam');
    expect(csv).toHaveLength(links + 1);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getRow(1).getCell(1).value).toBe('Gebruikersnaam');
    expect(sheet.rowCount).toBe(links + 1);
    // Per account, the account-wide counts (last two columns) are the report's.
    const byUser = new Map(review.accounts.map((a) => [a.username, a]));
    for (let r = 2; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      const account = byUser.get(String(row.getCell(1).value));
      expect(account, String(row.getCell(1).value)).toBeDefined();
      expect([row.getCell(11).value, row.getCell(12).value]).toEqual([account?.visibleTickets, account?.writableTickets]);
    }
  }, 60_000);

  it('filters by organisation and neutralises a formula in a cell', async () => {
    const organisationId = await withCore(async (cli) => {
      const organisation = await cli.call('organisations:create', { name: '=HYPERLINK("http://evil.example")' });
      const group = (await cli.call('role-groups:list', {}))[0];
      await cli.call('portal-accounts:create', { username: 'formula@evil.example', links: [{ organisationId: organisation.id, isDefault: true }], roleGroupIds: group ? [group.id] : [] });
      return organisation.id;
    });
    const csvFile = path.join(temp.dir, 'one.csv');
    const run = await portier(['report', 'access', '--organisation', String(organisationId), '--csv', csvFile, ...data()]);
    expect(run.code).toBe(0);
    const lines = fs.readFileSync(csvFile, 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('formula@evil.example');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  });
});

describe('reports:access counts', () => {
  it('counts per link exactly the tickets explain() calls visible and writable', async () => {
    await withCore(async (cli, core) => {
      const review = await cli.call('reports:access', {});
      const tickets = await readAllTicketFacts(core.deps.db);
      let checked = 0;
      for (const account of review.accounts) {
        for (const link of account.links) {
          const { scope } = await loadScope(core.deps.db, { accountId: account.accountId, organisationId: link.organisationId }, new Date());
          const answers = tickets.map((t) => explain(scope, t));
          expect([link.visibleTickets, link.writableTickets], account.username).toEqual([answers.filter((a) => a.visible).length, answers.filter((a) => a.writable).length]);
          if (link.visibleTickets > 0) checked += 1;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(4);
    });
  }, 60_000);
});
