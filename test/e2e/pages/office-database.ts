import { expect, type Locator, type Page } from '@playwright/test';

/** The "Connect to an office database" screen, by its roles and labels (English). */
export class OfficeDatabasePage {
  constructor(readonly page: Page) {}

  get form(): Locator {
    return this.page.getByRole('form', { name: 'Office database' });
  }

  /** From Settings' "Database" section. */
  async openFromSettings(): Promise<void> {
    await this.page.getByRole('link', { name: 'Connect to an office database…' }).click();
    await expect(this.page.getByRole('heading', { name: 'Connect to an office database', level: 1 })).toBeVisible();
  }

  async fill(address: { host: string; port: number; database: string; user: string; encryption: string }): Promise<void> {
    const form = this.form;
    await form.getByLabel('Server', { exact: true }).fill(address.host);
    await form.getByLabel('Port', { exact: true }).fill(String(address.port));
    await form.getByLabel('Database', { exact: true }).fill(address.database);
    await form.getByLabel('User name', { exact: true }).fill(address.user);
    await form.getByLabel('Encryption', { exact: true }).selectOption({ label: address.encryption });
  }

  /** The answer of "Test connection" (the status box under the fields). */
  async test(): Promise<void> {
    await this.form.getByRole('button', { name: 'Test connection' }).click();
  }

  get result(): Locator {
    return this.form.getByRole('status').filter({ hasText: 'PostgreSQL' });
  }
}
