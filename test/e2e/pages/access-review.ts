import { expect, type Locator, type Page } from '@playwright/test';

/** The administrators' access review: organisation filter, table and exports. */
export class AccessReviewPage {
  constructor(readonly page: Page) {}

  /** From the main navigation: Portal accounts, then its "Access review" link (administrators only). */
  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Portal accounts', exact: true }).click();
    await this.page.getByRole('link', { name: 'Access review', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Access review', level: 1 })).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Access review' });
  }

  row(username: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: username, exact: true }) });
  }

  /** Picks the organisation in the filter by typing part of its name and choosing it. */
  async filterBy(organisation: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Organisation' }).fill(organisation);
    await this.page.getByRole('option', { name: new RegExp(`^${organisation}`) }).click();
  }

  /** The cells of an account's row after its username, as shown. */
  async cells(username: string): Promise<string[]> {
    await expect(this.row(username)).toBeVisible();
    return this.row(username).getByRole('cell').allTextContents();
  }
}
