import { expect, type Page } from '@playwright/test';

/** The Documents screen: the letters Portier made, each with its actions. */
export class DocumentsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Documents', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Documents', level: 1 })).toBeVisible();
  }

  /** "Save PDF as…" on the letter of USERNAME: in browser mode a download; answers the file's path on disk. */
  async saveLetterPdf(username: string): Promise<string> {
    const row = this.page.getByRole('row').filter({ hasText: username });
    await expect(row).toContainText('Activation details for our customer portal');
    const download = this.page.waitForEvent('download');
    await row.getByRole('button', { name: 'Save PDF as…' }).click();
    return (await download).path();
  }
}
