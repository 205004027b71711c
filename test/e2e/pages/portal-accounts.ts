import { expect, type Locator, type Page } from '@playwright/test';

/** The portal account list and an account's page, by roles and labels only. */
export class PortalAccountsPage {
  constructor(readonly page: Page) {}

  grid(): Locator {
    return this.page.getByRole('group', { name: 'Portal accounts' });
  }

  row(username: string): Locator {
    return this.grid().getByRole('row').filter({ hasText: username });
  }

  async quickFilter(name: 'All' | 'Never invited' | 'Invited, not activated' | 'Invitation expired' | 'Activated'): Promise<void> {
    const button = this.page.getByRole('group', { name: 'Show' }).getByRole('button', { name, exact: true });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Search', { exact: true }).fill(text);
  }

  /** Right-click a row and choose an action from its context menu. */
  async rowAction(username: string, action: string): Promise<void> {
    await this.row(username).click({ button: 'right' });
    const menu = this.page.getByRole('menu');
    await expect(menu).toBeVisible();
    await menu.getByRole('menuitem', { name: action }).click();
  }

  /** Ticks role groups on the account form and saves; waits for the notification of this very save. */
  async saveWithGroups(groups: readonly string[], expected: RegExp): Promise<void> {
    for (const group of groups) await this.page.getByRole('checkbox', { name: new RegExp(`^${group}( —|$)`) }).check();
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(this.page.getByRole('status').filter({ hasText: expected }).last()).toBeVisible();
  }
}
