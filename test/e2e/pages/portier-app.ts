import { expect, type Page } from '@playwright/test';

export const ADMIN = { name: 'Ada Administrator', email: 'ada@example.com', password: 'Correct horse battery 7' };

/** The whole app as a user sees it: first run, sign-in, navigation. Selectors are roles and labels only. */
export class PortierApp {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async createAdministrator(admin = ADMIN): Promise<void> {
    const page = this.page;
    await expect(page.getByRole('heading', { name: 'Create the first administrator' })).toBeVisible();
    await page.getByLabel('Name', { exact: true }).fill(admin.name);
    await page.getByLabel('Email', { exact: true }).fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByLabel('Confirm password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  }

  async signIn(email: string, password: string): Promise<void> {
    const page = this.page;
    await expect(page.getByRole('heading', { name: 'Sign in to Portier' })).toBeVisible();
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page.getByRole('heading', { name: 'Sign in to Portier' })).toBeVisible();
  }

  async goTo(section: 'Organisations' | 'Persons' | 'Portal accounts' | 'Role groups' | 'Staff' | 'Audit log' | 'Settings'): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: section, exact: true }).click();
    await expect(this.page.getByRole('heading', { name: section, exact: true, level: 1 })).toBeVisible();
  }
}
