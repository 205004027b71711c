import { expect, type Locator, type Page } from '@playwright/test';
import { pick } from './picker';

/** The "Bulk actions" menu of a ticket list and its dialogs. */
export class TicketBulkActions {
  constructor(readonly page: Page) {}

  async choose(action: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Bulk actions' }).click();
    await this.page.getByRole('menu', { name: 'Bulk actions on tickets' }).getByRole('menuitem', { name: action }).click();
    const dialog = this.page.getByRole('dialog', { name: action.replace(/…$/, '') });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Fills "Change primary project" (project and task found by typing) and asks for the dry run; returns the dialog. */
  async changePrimaryProject(move: { project: string; task: string; withTime: RegExp }): Promise<Locator> {
    const dialog = await this.choose('Change primary project…');
    await pick(dialog, 'Project', move.project.replace(/ — .*$/, ''), move.project);
    await pick(dialog, 'Task', move.task);
    await dialog.getByRole('radio', { name: move.withTime }).check();
    await dialog.getByRole('button', { name: 'Show what will happen' }).click();
    return dialog;
  }
}
