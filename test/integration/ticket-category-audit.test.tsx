// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuditScreen } from '../../renderer/src/features/audit/AuditScreen';
import { TicketHistory } from '../../renderer/src/features/tickets/TicketHistory';
import type { AuditEntry } from '../../shared/api/audit';
import { startTestCore, type TestCore } from '../support/core';
import { staffMember } from '../unit/renderer/support/fixtures';
import { renderWithApp } from '../unit/renderer/support/render-app';

/*
 * A ticket's categories change by hand and in bulk; the audit log names them (in the staff
 * user's language) as they were called when the change was made, not by their bare ids.
 */

let t: TestCore;
const ids = { ticket: 0, bug: 0, question: 0, urgent: 0 };

beforeAll(async () => {
  t = await startTestCore();
  const organisation = (await t.call('organisations:create', { name: 'Brouwerij De Ster' })).id;
  const project = (await t.call('projects:create', { name: 'Webshop', organisationId: organisation })).id;
  const task = (await t.call('tasks:create', { projectId: project, name: 'Checkout' })).id;
  ids.bug = (await t.call('ticket-categories:create', { nameEn: 'Bug', nameNl: 'Fout', nameDe: 'Fehler' })).id;
  ids.question = (await t.call('ticket-categories:create', { nameEn: 'Question', nameNl: 'Vraag', nameDe: 'Frage' })).id;
  ids.urgent = (await t.call('ticket-categories:create', { nameEn: 'Outage', nameNl: 'Storing', nameDe: 'Störung' })).id;
  ids.ticket = (await t.call('tickets:create', { title: 'Checkout fails', projectId: project, taskId: task, categoryIds: [ids.bug] })).id;
  await t.call('tickets:update', { id: ids.ticket, categoryIds: [ids.bug, ids.question] });
  await t.call('tickets:bulk-update', { ticketIds: [ids.ticket], changes: { addCategoryIds: [ids.urgent], removeCategoryIds: [ids.question] }, preview: false });
  // Renamed afterwards: the log keeps the names of the time of each change.
  await t.call('ticket-categories:update', { id: ids.bug, nameEn: 'Defect', nameNl: 'Defect', nameDe: 'Defekt' });
});
afterAll(async () => {
  await t.close();
});
afterEach(cleanup);

const ticketEntries = async () => (await t.call('audit:list', { entity: 'ticket', entityId: ids.ticket })).rows;

describe('audit entries of a ticket’s categories', () => {
  it('keep each category’s name in every language as it was when the change was made, by hand and in bulk', async () => {
    const [bulk, update, created] = await ticketEntries();
    expect(created?.after).toMatchObject({ categoryIds: [ids.bug] });
    expect(update).toMatchObject({ before: { categoryIds: [ids.bug] }, after: { categoryIds: [ids.bug, ids.question] } });
    expect(bulk).toMatchObject({ before: { categoryIds: [ids.bug, ids.question] }, after: { categoryIds: [ids.bug, ids.urgent] } });
    for (const entry of [created, update, bulk] as AuditEntry[]) {
      expect(entry.names).toMatchObject({ [`ticket-category:${ids.bug}:en`]: 'Bug', [`ticket-category:${ids.bug}:nl`]: 'Fout', [`ticket-category:${ids.bug}:de`]: 'Fehler' });
    }
    expect(bulk?.names).toMatchObject({ [`ticket-category:${ids.urgent}:de`]: 'Störung', [`ticket-category:${ids.question}:nl`]: 'Vraag' });
  });

  it('read as names on the audit screen, in the staff user’s language, never as ids', async () => {
    renderWithApp(<AuditScreen />, { 'audit:list': (input) => t.call('audit:list', input), 'staff:list': () => ({ rows: [staffMember()], total: 1 }) }, { language: 'nl' });
    await screen.findAllByText('Categorieën', { selector: 'dt' });
    const lines = screen.getAllByText('Categorieën', { selector: 'dt' }).map((dt) => dt.parentElement?.textContent);
    expect(lines).toEqual(['CategorieënFout, Vraag → Fout, Storing', 'CategorieënFout → Fout, Vraag', 'CategorieënFout']);
    const ticketRows = within(screen.getByRole('table'))
      .getAllByRole('row')
      .filter((row) => row.textContent?.includes('Checkout fails'));
    expect(ticketRows).toHaveLength(3);
    for (const row of ticketRows) {
      expect(row.textContent).not.toContain(`#${ids.bug}`);
      // Renamed since: the entries say what the category was called then.
      expect(row.textContent).not.toContain('Defect');
    }
  });

  it('read as names on the ticket page’s history too (German)', async () => {
    renderWithApp(<TicketHistory ticketId={ids.ticket} />, { 'tickets:history': (input) => t.call('tickets:history', input) }, { language: 'de' });
    const table = await screen.findByRole('table');
    const lines = (await within(table).findAllByText('Kategorien', { selector: 'dt' })).map((dt) => dt.parentElement?.textContent);
    expect(lines).toEqual(['KategorienFehler, Frage → Fehler, Störung', 'KategorienFehler → Fehler, Frage', 'KategorienFehler']);
  });
});
