import { expect, type Locator, type Page } from '@playwright/test';
import { pick } from './picker';

/** The "Ticket rights" section of a person's or an account's page. */
export class TicketRightsSection {
  readonly section: Locator;

  constructor(readonly page: Page, title = 'Ticket rights') {
    this.section = page.locator('section').filter({ has: page.getByRole('heading', { name: title, level: 2 }) });
  }

  /** Adds a right to the unsaved changes (nothing is saved yet). */
  async addRight(right: { project: string; scope: 'One task' | 'All tasks (also later ones)' | 'Only the tasks that exist now'; task?: string; readOnly?: boolean }): Promise<void> {
    await this.section.getByRole('button', { name: 'Add right' }).click();
    const form = this.section.getByRole('form', { name: 'New right' });
    await pick(form, 'Project', right.project.replace(/ \(internal\)$/, ''), right.project);
    await form.getByLabel('Scope', { exact: true }).selectOption({ label: right.scope });
    if (right.task !== undefined) await pick(form, 'Task', right.task);
    if (right.readOnly) await form.getByLabel('Read-only', { exact: true }).check();
    await form.getByRole('button', { name: 'Add to the changes' }).click();
  }

  get preview(): Locator {
    return this.section.getByRole('region', { name: 'What will this contact see?' });
  }

  async save(): Promise<void> {
    await this.section.getByRole('button', { name: 'Save changes' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Ticket rights saved.' }).last()).toBeVisible();
  }
}

/** "View tickets as this contact". */
export class ViewAsPage {
  constructor(readonly page: Page) {}

  get banner(): Locator {
    return this.page.getByRole('note');
  }

  get table(): Locator {
    return this.page.getByRole('table');
  }

  async quickLink(name: 'Open' | 'Waiting for me' | 'Done, to accept' | 'All'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Quick links' }).getByRole('button', { name }).click();
  }

  /** Filters the list by project (one the contact holds a right on) and task, each found by typing. */
  async filterBy(project: string, task: string): Promise<void> {
    const filters = this.page.getByRole('form', { name: 'Filters' });
    await pick(filters, 'Project', project);
    await pick(filters, 'Task', task);
  }

  /** The ticket numbers in the list, in order. */
  async numbers(): Promise<string[]> {
    // The first column holds the bulk actions' checkboxes.
    return this.table.locator('tbody tr td:nth-child(2)').allTextContents();
  }

  /** Asks why the contact sees a listed ticket; returns the answer's panel. */
  async why(number: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Why does this contact see ${number}?` }).click();
    return this.page.getByRole('region', { name: `Why ${number}?` });
  }

  /** Types a ticket number ("T-10234" or "10234") and asks why not; returns the answer's panel, titled with the number as T-10234. */
  async whyNot(typed: string): Promise<Locator> {
    await this.page.getByLabel('Ticket number', { exact: true }).fill(typed);
    await this.page.getByRole('button', { name: 'Why not?' }).click();
    return this.page.getByRole('region', { name: `Why T-${typed.replace(/\D/g, '')}?` });
  }
}
