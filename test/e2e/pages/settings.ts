import { expect, type Locator, type Page } from '@playwright/test';

/** The Settings screen's mail server and "Activation and links" forms, by their labels. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  get mailServer(): Locator {
    return this.page.getByRole('form', { name: 'Mail server (SMTP)' });
  }

  get activation(): Locator {
    return this.page.getByRole('form', { name: 'Activation and links' });
  }

  /** A plain SMTP relay on this computer (no TLS, no login), as a local test server is. */
  async setLocalMailServer(server: { host: string; port: number; senderAddress: string; senderName: string }): Promise<void> {
    const form = this.mailServer;
    await form.getByLabel('Server', { exact: true }).fill(server.host);
    await form.getByLabel('Port', { exact: true }).fill(String(server.port));
    await form.getByLabel('Encryption', { exact: true }).selectOption({ label: 'None (only for a relay on this computer)' });
    await form.getByLabel('Sender address', { exact: true }).fill(server.senderAddress);
    await form.getByLabel('Sender name', { exact: true }).fill(server.senderName);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Mail server saved.' }).last()).toBeVisible();
  }

  async setPortalAddress(url: string, companyName?: string): Promise<void> {
    const form = this.activation;
    await form.getByLabel('Portal address', { exact: true }).fill(url);
    if (companyName !== undefined) await form.getByLabel('Company name', { exact: true }).fill(companyName);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Activation settings saved.' }).last()).toBeVisible();
  }
}
