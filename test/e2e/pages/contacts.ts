import { expect, type Page } from '@playwright/test';

export interface OrganisationInput {
  name: string;
  customerNumber?: string;
  addressLine1?: string;
  postalCode?: string;
  city?: string;
  country?: string;
}

export interface PersonInput {
  salutation?: string;
  firstName?: string;
  lastName: string;
  email?: string;
  mobile?: string;
}

async function fillIf(page: Page, label: string, value: string | undefined): Promise<void> {
  if (value !== undefined) await page.getByLabel(label, { exact: true }).fill(value);
}

/** Organisation list and form. */
export class OrganisationsPage {
  constructor(readonly page: Page) {}

  /** Creates the organisation and waits until the form has become its page (so the next click does not race that navigation). */
  async create(org: OrganisationInput): Promise<void> {
    await this.page.getByRole('button', { name: 'New organisation' }).click();
    await this.fill(org);
    await this.save(/created/i);
    await expect(this.page).toHaveURL(/organisations\/\d+/);
    await expect(this.page.getByRole('heading', { name: org.name, level: 1 })).toBeVisible();
  }

  async fill(org: Partial<OrganisationInput>): Promise<void> {
    await fillIf(this.page, 'Name', org.name);
    await fillIf(this.page, 'Customer number', org.customerNumber);
    await fillIf(this.page, 'Address line 1', org.addressLine1);
    await fillIf(this.page, 'Postal code', org.postalCode);
    await fillIf(this.page, 'City', org.city);
    // A picker of countries named in the UI language; the page object takes the ISO code.
    if (org.country !== undefined) await this.page.getByLabel('Country', { exact: true }).selectOption(org.country);
  }

  /** Saves and waits for the notification that names this very change (an older one may still be showing). */
  async save(expected: RegExp = /saved|created/i): Promise<void> {
    await this.page.getByRole('button', { name: 'Save' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: expected }).last()).toBeVisible();
  }

  /** Deletes the organisation whose page is open, confirming, and waits until the list is back. */
  async deleteOpen(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Delete organisation' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: `Organisation ${name} deleted` }).last()).toBeVisible();
    await expect(this.page.getByRole('heading', { name: 'Organisations', level: 1 })).toBeVisible();
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Search', { exact: true }).fill(text);
  }

  async open(name: string): Promise<void> {
    await this.search(name);
    await this.page.getByRole('row').filter({ hasText: name }).first().click();
    await expect(this.page.getByLabel('Name', { exact: true })).toHaveValue(name);
  }
}

/** Person form (opened from an organisation's page or the persons list). */
export class PersonsPage {
  constructor(readonly page: Page) {}

  async fill(person: Partial<PersonInput>): Promise<void> {
    await fillIf(this.page, 'Salutation', person.salutation);
    await fillIf(this.page, 'First name', person.firstName);
    await fillIf(this.page, 'Last name', person.lastName);
    await fillIf(this.page, 'Email', person.email);
    await fillIf(this.page, 'Mobile', person.mobile);
  }

  /** Creates the person and waits until the form has become that person's page. */
  async create(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: /created/i }).last()).toBeVisible();
    await expect(this.page).toHaveURL(/persons\/\d+/);
  }

  /** Deletes the person whose page is open, confirming; Portier returns to the organisation. */
  async deleteOpen(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Delete person' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: `${name} deleted` }).last()).toBeVisible();
    await expect(this.page).toHaveURL(/organisations\/\d+/);
  }

  /** Saves an existing person and waits for the "saved" notification. */
  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: /saved/i }).last()).toBeVisible();
  }
}
