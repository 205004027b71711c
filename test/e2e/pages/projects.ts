import { expect, type Locator, type Page } from '@playwright/test';

/** The projects list, its "New project" dialog and a project's page with its tasks. */
export class ProjectsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Projects', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Projects', exact: true, level: 1 })).toBeVisible();
  }

  /** Creates a project of an organisation (picked by typing part of its name) and waits for the project's page. */
  async create(project: { name: string; organisation: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'New project' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New project' });
    await dialog.getByLabel('Name', { exact: true }).fill(project.name);
    await dialog.getByRole('combobox', { name: 'Organisation' }).fill(project.organisation);
    await dialog.getByRole('option', { name: new RegExp(project.organisation) }).click();
    await dialog.getByRole('button', { name: 'Save project' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByRole('heading', { name: project.name, level: 1 })).toBeVisible();
  }

  get tasks(): Locator {
    return this.page.getByRole('region', { name: 'Tasks' });
  }

  async addTask(name: string): Promise<void> {
    await this.tasks.getByRole('button', { name: 'Add task' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add task' });
    await dialog.getByLabel('Task name', { exact: true }).fill(name);
    // Enter submits, as a keyboard user would.
    await dialog.getByLabel('Task name', { exact: true }).press('Enter');
    await expect(dialog).toBeHidden();
    await expect(this.taskRow(name)).toBeVisible();
  }

  taskRow(name: string): Locator {
    return this.tasks.getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }
}

/** Settings → Ticket categories. */
export class TicketCategoriesSettings {
  readonly section: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Ticket categories' });
  }

  async add(names: { en: string; nl: string; de: string }): Promise<void> {
    await this.section.getByRole('button', { name: 'Add category' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add category' });
    await dialog.getByLabel('Name in English', { exact: true }).fill(names.en);
    await dialog.getByLabel('Name in Dutch', { exact: true }).fill(names.nl);
    await dialog.getByLabel('Name in German', { exact: true }).fill(names.de);
    await dialog.getByRole('button', { name: 'Save category' }).click();
    await expect(dialog).toBeHidden();
  }
}
