import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint, errorOf, signedIn, startTestCore, type TestCore } from '../support/core';

let t: TestCore;
let customer: number;
let internalOrganisation: number;

beforeAll(async () => {
  t = await startTestCore();
  customer = (await t.call('organisations:create', { name: 'Brouwerij De Ster' })).id;
  internalOrganisation = (await t.call('organisations:create', { name: 'Our office', internal: true })).id;
});
afterAll(async () => {
  await t.close();
});

describe('projects', () => {
  it('belong to a customer organisation, or are internal (no organisation, or an internal one)', async () => {
    const ofCustomer = await t.call('projects:create', { name: 'Webshop', organisationId: customer });
    const withoutOrganisation = await t.call('projects:create', { name: 'Holidays' });
    const ofInternal = await t.call('projects:create', { name: 'Office IT', organisationId: internalOrganisation });
    expect(ofCustomer).toMatchObject({ name: 'Webshop', organisationId: customer, organisationName: 'Brouwerij De Ster', internal: false, archived: false, taskCount: 0 });
    expect(withoutOrganisation).toMatchObject({ organisationId: null, internal: true });
    expect(ofInternal).toMatchObject({ organisationId: internalOrganisation, internal: true });

    const internalOnly = await t.call('projects:list', { internal: true });
    expect(internalOnly.rows.map((p) => p.name).sort()).toEqual(['Holidays', 'Office IT']);
    const customers = await t.call('projects:list', { internal: false });
    expect(customers.rows.map((p) => p.name)).toEqual(['Webshop']);
    const byOrganisation = await t.call('projects:list', { organisationId: customer });
    expect(byOrganisation).toMatchObject({ total: 1, rows: [{ id: ofCustomer.id }] });
  });

  it('are searched with accents ignored, paged in SQL with the total', async () => {
    await t.call('projects:create', { name: 'Café Ørsted', organisationId: customer });
    await t.call('projects:create', { name: 'Cafe Orsted 2', organisationId: customer });
    const found = await t.call('projects:list', { search: 'ORSTED', limit: 1 });
    expect(found.total).toBe(2);
    expect(found.rows).toHaveLength(1);
    // Sorted by the folded key too: "cafe orsted" before "cafe orsted 2".
    expect(found.rows[0]?.name).toBe('Café Ørsted');
  });

  it('are archived and taken out of the archive, audited; archived ones leave the list unless asked for', async () => {
    const project = await t.call('projects:create', { name: 'Old portal', organisationId: customer });
    const archived = await t.call('projects:archive', { id: project.id });
    expect(archived.archived).toBe(true);
    expect((await t.call('projects:list', { search: 'old portal' })).total).toBe(0);
    expect((await t.call('projects:list', { search: 'old portal', includeArchived: true })).total).toBe(1);
    expect((await t.call('projects:unarchive', { id: project.id })).archived).toBe(false);
    const audit = await t.call('audit:list', { entity: 'project', entityId: project.id });
    expect(audit.rows.map((e) => e.action)).toEqual(['unarchived', 'archived', 'created']);
    expect(audit.rows[1]).toMatchObject({ label: 'Old portal', before: { archived: false }, after: { archived: true } });
  });

  it('are updated with before/after in the audit log, and refuse an organisation that does not exist', async () => {
    const project = await t.call('projects:create', { name: 'Intranet', organisationId: customer });
    await t.call('projects:update', { id: project.id, name: 'Intranet 2', organisationId: null });
    const [entry] = (await t.call('audit:list', { entity: 'project', entityId: project.id })).rows;
    expect(entry).toMatchObject({ action: 'updated', before: { name: 'Intranet', organisationId: customer }, after: { name: 'Intranet 2', organisationId: null } });

    const before = await databaseFingerprint(t.core);
    const error = await errorOf(t.call('projects:update', { id: project.id, name: 'X', organisationId: 999_999 }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', fields: { organisationId: { code: 'not_found' } } });
    expect(await databaseFingerprint(t.core)).toBe(before);
  });
});

describe('tasks', () => {
  it('belong to a project, are listed per project, renamed and archived with audit entries', async () => {
    const project = await t.call('projects:create', { name: 'Tasks home', organisationId: customer });
    const design = await t.call('tasks:create', { projectId: project.id, name: 'Design' });
    await t.call('tasks:create', { projectId: project.id, name: 'Build' });
    expect(design).toMatchObject({ projectId: project.id, projectName: 'Tasks home', name: 'Design', archived: false });
    expect((await t.call('projects:get', { id: project.id })).taskCount).toBe(2);
    expect((await t.call('tasks:list', { projectId: project.id })).rows.map((k) => k.name)).toEqual(['Build', 'Design']);

    await t.call('tasks:update', { id: design.id, name: 'Design work' });
    await t.call('tasks:archive', { id: design.id });
    expect((await t.call('tasks:list', { projectId: project.id })).rows.map((k) => k.name)).toEqual(['Build']);
    await t.call('tasks:unarchive', { id: design.id });
    const audit = await t.call('audit:list', { entity: 'task', entityId: design.id });
    expect(audit.rows.map((e) => e.action)).toEqual(['unarchived', 'archived', 'updated', 'created']);
    expect(audit.rows[2]).toMatchObject({ before: { name: 'Design' }, after: { name: 'Design work' } });
  });

  it('refuse a project that does not exist, with a field error', async () => {
    const error = await errorOf(t.call('tasks:create', { projectId: 999_999, name: 'Nowhere' }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', fields: { projectId: { code: 'not_found' } } });
  });
});

describe('ticket categories', () => {
  it('have names in en/nl/de, the list answers the name in the asked language, archived ones only when asked', async () => {
    const bug = await t.call('ticket-categories:create', { nameEn: 'Bug', nameNl: 'Fout', nameDe: 'Fehler' });
    await t.call('ticket-categories:create', { nameEn: 'Question', nameNl: 'Vraag', nameDe: 'Frage' });
    const dutch = await t.call('ticket-categories:list', { language: 'nl' });
    expect(dutch.map((c) => c.name)).toEqual(['Fout', 'Vraag']);
    const german = await t.call('ticket-categories:list', { language: 'de' });
    expect(german.map((c) => c.name)).toEqual(['Fehler', 'Frage']);
    await t.call('ticket-categories:update', { id: bug.id, nameEn: 'Defect', nameNl: 'Defect', nameDe: 'Defekt' });
    await t.call('ticket-categories:archive', { id: bug.id });
    expect((await t.call('ticket-categories:list', {})).map((c) => c.name)).toEqual(['Question']);
    expect((await t.call('ticket-categories:list', { includeArchived: true })).find((c) => c.id === bug.id)).toMatchObject({ name: 'Defect', archived: true });
    const audit = await t.call('audit:list', { entity: 'ticket-category', entityId: bug.id });
    expect(audit.rows.map((e) => e.action)).toEqual(['archived', 'updated', 'created']);
  });

  it('are kept by administrators only', async () => {
    await t.call('staff:create', { name: 'Plain', email: 'plain@example.com', password: 'Quiet-Harbour-72', role: 'staff', mayGrantAccess: false });
    const staff = await signedIn(t.core, 'plain@example.com', 'Quiet-Harbour-72');
    const error = await errorOf(t.call('ticket-categories:create', { nameEn: 'X', nameNl: 'X', nameDe: 'X' }, staff));
    expect(error.code).toBe('FORBIDDEN');
    // Staff read them, and do project work.
    expect(await t.call('ticket-categories:list', {}, staff)).toEqual(expect.any(Array));
    expect(await t.call('projects:create', { name: 'By staff' }, staff)).toMatchObject({ name: 'By staff' });
  });
});
