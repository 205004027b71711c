import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/api';
import type { TicketJobReport } from '../../shared/api/ticket-jobs';
import { databaseFingerprint, startTestCore, type TestCore } from '../support/core';

/*
 * The contact rule (a ticket's contact is a person of its primary project's customer or of an
 * organisation under it; anybody on an internal project) in the bulk actions, through the
 * channels the screens call: the dry run, then the job. A bulk "change contact" refuses, per
 * ticket, the tickets whose project belongs to another customer and changes the others; a move
 * to another customer's project takes off the contacts who do not belong there and says so per
 * ticket (ticket-move-service.ts says why it removes rather than warns).
 */

let t: TestCore;
const org = { group: 0, subsidiary: 0, other: 0 };
const person = { greet: 0, sanne: 0, otto: 0 };
const place: Record<'group' | 'subsidiary' | 'other' | 'internal', { projectId: number; taskId: number }> = {
  group: { projectId: 0, taskId: 0 },
  subsidiary: { projectId: 0, taskId: 0 },
  other: { projectId: 0, taskId: 0 },
  internal: { projectId: 0, taskId: 0 },
};

beforeAll(async () => {
  t = await startTestCore();
  org.group = (await t.call('organisations:create', { name: 'Brouwerij Groep' })).id;
  org.subsidiary = (await t.call('organisations:create', { name: 'Brouwerij Noord', parentId: org.group })).id;
  org.other = (await t.call('organisations:create', { name: 'Globex' })).id;
  person.greet = (await t.call('persons:create', { organisationId: org.group, firstName: 'Greet', lastName: 'Zwart' })).id;
  person.sanne = (await t.call('persons:create', { organisationId: org.subsidiary, firstName: 'Sanne', lastName: 'Aalders' })).id;
  person.otto = (await t.call('persons:create', { organisationId: org.other, firstName: 'Otto', lastName: 'Anders' })).id;
  for (const [key, organisationId] of [
    ['group', org.group],
    ['subsidiary', org.subsidiary],
    ['other', org.other],
    ['internal', null],
  ] as const) {
    const projectId = (await t.call('projects:create', { name: `Project ${key}`, organisationId })).id;
    place[key] = { projectId, taskId: (await t.call('tasks:create', { projectId, name: `Task ${key}` })).id };
  }
});
afterAll(() => t.close());

const ticketOn = async (key: keyof typeof place, contactPersonId: number | null, title: string) =>
  (await t.call('tickets:create', { title, ...place[key], contactPersonId })).id;

/** The ticket as the bulk actions leave it. */
const stateOf = (id: number) =>
  t.core.deps.db.selectFrom('ticket').select(['project_id as projectId', 'contact_person_id as contactPersonId', 'status']).where('id', '=', id).executeTakeFirstOrThrow();

/** Asks the job's status until it has ended, as the dialog does. */
async function jobReport(started: { jobId: string }): Promise<TicketJobReport> {
  for (let i = 0; i < 1_000; i++) {
    const status = await t.call('tickets:job-status', { jobId: started.jobId });
    if (status.report) return status.report;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error('the job did not end');
}

/** The audit entries ("updated" or "primary-project-changed") of the tickets, as stored. */
async function auditOf(ids: readonly number[], action: 'updated' | 'primary-project-changed') {
  const rows = await t.core.deps.db.selectFrom('audit_log').select(['entity_id', 'before_json', 'after_json']).where('entity', '=', 'ticket').where('entity_id', 'in', ids).where('action', '=', action).orderBy('id').execute();
  return rows.map((r) => ({ ticketId: r.entity_id, before: JSON.parse(r.before_json ?? 'null') as unknown, after: JSON.parse(r.after_json ?? 'null') as unknown }));
}

describe('the bulk "change contact"', () => {
  it('refuses, in the dry run and in the job alike, the tickets of another customer, with the reason, and changes the others', async () => {
    const onGroup = await ticketOn('group', person.greet, 'Tap runs dry');
    const onSubsidiary = await ticketOn('subsidiary', null, 'Label misprint');
    const onOther = await ticketOn('other', person.otto, 'Globex invoice');
    const onInternal = await ticketOn('internal', person.otto, 'Office printer');
    const ticketIds = [onGroup, onSubsidiary, onOther, onInternal];
    const changes = { contactPersonId: person.sanne };

    const before = await databaseFingerprint(t.core);
    const preview = await t.call('tickets:bulk-update', { ticketIds, changes, preview: true });
    expect(await databaseFingerprint(t.core)).toBe(before);
    expect(preview.rows.map((r) => [r.ticketId, r.outcome, r.reason, r.fields])).toEqual([
      // Sanne's Brouwerij Noord is under Brouwerij Groep: she may be the contact of the group's ticket.
      [onGroup, 'changed', null, ['contactPersonId']],
      [onSubsidiary, 'changed', null, ['contactPersonId']],
      [onOther, 'refused', 'contact_of_other_customer', []],
      // An internal project takes anybody.
      [onInternal, 'changed', null, ['contactPersonId']],
    ]);
    expect(preview.rows[2]).toMatchObject({ number: expect.any(Number), title: 'Globex invoice' });
    expect(preview.totals).toEqual({ tickets: 4, changed: 3, unchanged: 0, refused: 1 });

    const report = await jobReport(await t.call('tickets:bulk-update-start', { ticketIds, changes }));
    expect(report).toEqual({ kind: 'bulk-update', update: { ...preview, done: true } });
    expect((await stateOf(onOther)).contactPersonId).toBe(person.otto);
    for (const id of [onGroup, onSubsidiary, onInternal]) expect((await stateOf(id)).contactPersonId).toBe(person.sanne);
    // One audit entry per ticket changed; none for the refused one.
    expect((await auditOf(ticketIds, 'updated')).map((a) => a.ticketId)).toEqual([onGroup, onSubsidiary, onInternal]);
  });

  it('refuses the whole ticket when the contact is one of several changes, and never refuses taking the contact off', async () => {
    const onOther = await ticketOn('other', person.otto, 'Globex server');
    const onGroup = await ticketOn('group', person.greet, 'Brewery server');
    const mixed = await t.call('tickets:bulk-update', { ticketIds: [onOther, onGroup], changes: { status: 'in_progress', contactPersonId: person.greet } });
    expect(mixed.rows.map((r) => [r.outcome, r.reason, r.fields])).toEqual([
      ['refused', 'contact_of_other_customer', []],
      ['changed', null, ['status']],
    ]);
    expect(await stateOf(onOther)).toMatchObject({ status: 'new', contactPersonId: person.otto });
    expect(await stateOf(onGroup)).toMatchObject({ status: 'in_progress', contactPersonId: person.greet });

    const cleared = await t.call('tickets:bulk-update', { ticketIds: [onOther, onGroup], changes: { contactPersonId: null } });
    expect(cleared.totals).toEqual({ tickets: 2, changed: 2, unchanged: 0, refused: 0 });
    expect((await stateOf(onOther)).contactPersonId).toBeNull();
  });

  it('leaves a ticket that has the contact already unchanged, even one set before the rule held', async () => {
    const legacy = await ticketOn('other', null, 'Old Globex ticket');
    await t.core.deps.db.updateTable('ticket').set({ contact_person_id: person.sanne }).where('id', '=', legacy).execute();
    const report = await t.call('tickets:bulk-update', { ticketIds: [legacy], changes: { contactPersonId: person.sanne } });
    expect(report.rows.map((r) => [r.outcome, r.reason])).toEqual([['unchanged', null]]);
  });

  it('refuses what is everything the filter shows by the same rule', async () => {
    const theirs = await ticketOn('other', null, 'Filtered Globex');
    const ours = await ticketOn('subsidiary', null, 'Filtered Noord');
    const report = await t.call('tickets:bulk-update', { filter: { search: 'Filtered', sort: 'number', direction: 'asc' }, changes: { contactPersonId: person.sanne }, preview: true });
    expect(report.rows.map((r) => [r.ticketId, r.outcome, r.reason])).toEqual([
      [theirs, 'refused', 'contact_of_other_customer'],
      [ours, 'changed', null],
    ]);
  });
});

type MoveInput = InputOf<'tickets:move'>;
const moveTo = (key: keyof typeof place, ticketIds: number[], withTime: MoveInput['withTime'] = 'rebook'): MoveInput => ({ ticketIds, ...place[key], withTime });

describe('a move to another primary project', () => {
  it("takes off, per ticket, the contact who is no person of the new project's customer, says so in the dry run, and the job does what the dry run said", async () => {
    const greets = await ticketOn('group', person.greet, 'Greet asks');
    const sannes = await ticketOn('group', person.sanne, 'Sanne asks');
    const nobodys = await ticketOn('group', null, 'Nobody asks');
    const ticketIds = [greets, sannes, nobodys];

    const before = await databaseFingerprint(t.core);
    // To the subsidiary's project: Sanne belongs there, Greet (of the umbrella above it) does not.
    const preview = await t.call('tickets:move-preview', moveTo('subsidiary', ticketIds));
    expect(await databaseFingerprint(t.core)).toBe(before);
    expect(preview.rows.map((r) => [r.ticketId, r.outcome, r.contactRemoved])).toEqual([
      [greets, 'moved', { personId: person.greet, name: 'Greet Zwart', organisationName: 'Brouwerij Groep' }],
      [sannes, 'moved', null],
      [nobodys, 'moved', null],
    ]);
    expect(preview.totals).toMatchObject({ moved: 3, contactsRemoved: 1 });

    const report = await jobReport(await t.call('tickets:move-start', moveTo('subsidiary', ticketIds)));
    expect(report).toEqual({ kind: 'move', move: { ...preview, done: true } });
    expect(await stateOf(greets)).toMatchObject({ projectId: place.subsidiary.projectId, contactPersonId: null });
    expect(await stateOf(sannes)).toMatchObject({ projectId: place.subsidiary.projectId, contactPersonId: person.sanne });
    // The move's audit entry keeps who the contact was.
    const audit = await auditOf([greets, sannes], 'primary-project-changed');
    expect(audit[0]).toMatchObject({ ticketId: greets, before: { primaryProjectId: place.group.projectId, contactPersonId: person.greet }, after: { primaryProjectId: place.subsidiary.projectId, contactPersonId: null } });
    expect(audit[1]?.before).not.toHaveProperty('contactPersonId');
    expect(audit[1]?.after).not.toHaveProperty('contactPersonId');
  });

  it('keeps every contact on a move to an internal project, and on a move to a project of the same customer tree', async () => {
    const otto = await ticketOn('other', person.otto, 'Otto to the office');
    const sanne = await ticketOn('subsidiary', person.sanne, 'Sanne to the group');
    const toInternal = await t.call('tickets:move', moveTo('internal', [otto]));
    expect(toInternal.rows[0]).toMatchObject({ outcome: 'moved', contactRemoved: null });
    expect((await stateOf(otto)).contactPersonId).toBe(person.otto);
    // From the subsidiary up to the umbrella's project: Sanne belongs to an organisation under it.
    const toGroup = await t.call('tickets:move', moveTo('group', [sanne]));
    expect(toGroup.totals.contactsRemoved).toBe(0);
    expect((await stateOf(sanne)).contactPersonId).toBe(person.sanne);

    // And back from the office to Globex: Otto is Globex's, so he stays.
    const back = await t.call('tickets:move', moveTo('other', [otto]));
    expect(back.rows[0]?.contactRemoved).toBeNull();
  });

  it('leaves the contact of a ticket that does not move: skipped for its time, or only its task changed', async () => {
    const withTime = await ticketOn('group', person.greet, 'Greet has time');
    await t.call('time-entries:book', { ticketId: withTime, workDate: '2026-02-02', minutes: 30 });
    const skipped = await t.call('tickets:move', moveTo('other', [withTime], 'keep_primary'));
    expect(skipped.rows[0]).toMatchObject({ outcome: 'skipped_has_time', contactRemoved: null });
    expect(await stateOf(withTime)).toMatchObject({ projectId: place.group.projectId, contactPersonId: person.greet });

    // A contact from before the rule held, on the same project: a task change is no move to another customer.
    const legacy = await ticketOn('other', null, 'Legacy Globex');
    await t.core.deps.db.updateTable('ticket').set({ contact_person_id: person.greet }).where('id', '=', legacy).execute();
    const otherTask = await t.call('tasks:create', { projectId: place.other.projectId, name: 'Second Globex task' });
    const taskChanged = await t.call('tickets:move', { ticketIds: [legacy], projectId: place.other.projectId, taskId: otherTask.id, withTime: 'rebook' });
    expect(taskChanged.rows[0]).toMatchObject({ outcome: 'task_changed', contactRemoved: null });
    expect((await stateOf(legacy)).contactPersonId).toBe(person.greet);
  });
});
