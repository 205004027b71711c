import { expect, type Locator, type Page } from '@playwright/test';

/** The "Hour cards" panel on an organisation's page and its "Add hour card" dialog. */
export class HourCardsPanel {
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Hour cards' });
  }

  async add(card: { purchasedOn: string; hours: string; note?: string }): Promise<void> {
    await this.panel.getByRole('button', { name: 'Add hour card' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add hour card' });
    await dialog.getByLabel('Purchased on', { exact: true }).fill(card.purchasedOn);
    await dialog.getByLabel('Hours', { exact: true }).fill(card.hours);
    if (card.note !== undefined) await dialog.getByLabel('Note', { exact: true }).fill(card.note);
    // Enter submits, as a keyboard user would.
    await dialog.getByLabel('Hours', { exact: true }).press('Enter');
    await expect(dialog).toBeHidden();
  }

  row(text: string): Locator {
    return this.panel.getByRole('row').filter({ hasText: text });
  }
}

/** The hours report screen: interval, period, chart, table and exports. */
export class HoursReportPage {
  constructor(readonly page: Page) {}

  async choose(query: { interval?: string; from: string; to: string }): Promise<void> {
    if (query.interval) await this.page.getByLabel('Interval', { exact: true }).selectOption({ label: query.interval });
    await this.page.getByLabel('From', { exact: true }).fill(query.from);
    await this.page.getByLabel('To', { exact: true }).fill(query.to);
  }

  /** The figures of one interval's row, as shown. */
  async figures(label: string): Promise<string[]> {
    const row = this.page.getByRole('table').getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) });
    await expect(row).toBeVisible();
    return row.getByRole('cell').allTextContents();
  }
}
