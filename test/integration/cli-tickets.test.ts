import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPortier as portier } from '../support/cli';
import { cliDatabaseArgs, startTestCore, type TestCore } from '../support/core';

let t: TestCore;
let webshop = 0;
const data = () => cliDatabaseArgs(t);

beforeAll(async () => {
  t = await startTestCore();
  const organisation = await t.call('organisations:create', { name: 'Brouwerij De Ster' });
  webshop = (await t.call('projects:create', { name: 'Webshop', organisationId: organisation.id })).id;
  const checkout = await t.call('tasks:create', { projectId: webshop, name: 'Checkout' });
  const intranet = await t.call('projects:create', { name: 'Intranet' });
  const login = await t.call('tasks:create', { projectId: intranet.id, name: 'Login' });
  await t.call('tickets:create', { title: 'Checkout fails', projectId: webshop, taskId: checkout.id });
  await t.call('tickets:create', { title: 'Çok yavaş\u202e', projectId: webshop, taskId: checkout.id, status: 'done' });
  await t.call('tickets:create', { title: 'Login loops', projectId: intranet.id, taskId: login.id, status: 'in_progress' });
  await t.core.close();
});
afterAll(async () => {
  await t.close().catch(() => undefined);
});

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('portier tickets list', () => {
  it('prints every ticket as JSON Lines with number, title, status and project', async () => {
    const run = await portier(['tickets', 'list', '--json', ...data()]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const tickets = lines(run.stdout);
    expect(tickets).toHaveLength(3);
    expect(tickets.map((r) => r.number).sort()).toEqual([10001, 10002, 10003]);
    expect(tickets.find((r) => r.number === 10001)).toMatchObject({ reference: 'T-10001', title: 'Checkout fails', status: 'new', project: 'Webshop', task: 'Checkout', organisation: 'Brouwerij De Ster' });
    // A bidi override in a title is written as an escape, never raw into the terminal.
    expect(run.stdout).toContain('\\u202e');
  });

  it('filters by project and by status', async () => {
    const [byProject, byStatus, both] = await Promise.all([
      portier(['tickets', 'list', '--project', String(webshop), '--json', ...data()]),
      portier(['tickets', 'list', '--status', 'in_progress,done', '--json', ...data()]),
      portier(['tickets', 'list', '--project', String(webshop), '--status', 'new', '--json', ...data()]),
    ]);
    expect(lines(byProject.stdout).map((r) => r.title).sort()).toEqual(['Checkout fails', 'Çok yavaş\u202e']);
    expect(lines(byStatus.stdout).map((r) => r.status).sort()).toEqual(['done', 'in_progress']);
    expect(lines(both.stdout).map((r) => r.title)).toEqual(['Checkout fails']);
  });

  it('prints a table with a count without --json, and refuses bad arguments with exit code 2', async () => {
    const table = await portier(['tickets', 'list', ...data()]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^T-10003 {2}in_progress/m);
    expect(table.stdout).toContain('3 tickets');
    expect(table.stdout).not.toContain('\u202e');
    const [badStatus, badProject, noAction] = await Promise.all([
      portier(['tickets', 'list', '--status', 'sleeping', ...data()]),
      portier(['tickets', 'list', '--project', 'webshop', ...data()]),
      portier(['tickets', ...data()]),
    ]);
    for (const run of [badStatus, badProject, noAction]) expect(run.code).toBe(2);
    expect(badStatus.stderr).toContain('--status must be one of');
  });
});
