import { expect, type Locator, type Page } from '@playwright/test';
import { pick } from './picker';

/** The staff ticket list and its "New ticket" dialog. */
export class TicketsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Tickets', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Tickets', exact: true, level: 1 })).toBeVisible();
  }

  async create(ticket: { title: string; description?: string; project: string; task: string; priority?: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'New ticket' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New ticket' });
    await dialog.getByLabel('Title').fill(ticket.title);
    if (ticket.description) await dialog.getByLabel('Description').fill(ticket.description);
    await pick(dialog, 'Project', ticket.project.split(' — ')[0] ?? ticket.project, ticket.project);
    await pick(dialog, 'Task', ticket.task);
    if (ticket.priority) await dialog.getByLabel('Priority').selectOption({ label: ticket.priority });
    await dialog.getByRole('button', { name: 'Create ticket' }).click();
    await expect(dialog).toBeHidden();
  }
}

/** One ticket's page: comments, time and history. */
export class TicketPage {
  constructor(readonly page: Page) {}

  section(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  async comment(body: string, internal = false): Promise<void> {
    const comments = this.section('Comments');
    await comments.getByLabel('Comment', { exact: true }).fill(body);
    if (internal) await comments.getByLabel('Internal only (never shown to the contact)').check();
    await comments.getByRole('button', { name: 'Add comment' }).click();
    await expect(comments.getByRole('listitem').filter({ hasText: body })).toBeVisible();
  }

  async bookTime(entry: { time: string; note?: string }): Promise<void> {
    await this.section('Time').getByRole('button', { name: 'Book time' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Book time on T-/ });
    await dialog.getByLabel('Time', { exact: true }).fill(entry.time);
    if (entry.note) await dialog.getByLabel('Note').fill(entry.note);
    await dialog.getByRole('button', { name: 'Book time' }).click();
    await expect(dialog).toBeHidden();
  }
}
