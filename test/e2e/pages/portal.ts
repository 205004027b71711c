import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { generate } from 'otplib';

/** Serious or critical axe-core findings on the page as it is now, one line each (none expected). */
export async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** The authenticator app on the customer's phone: the code it shows now for SECRET (spaces as the page groups it are fine). */
export const authenticatorCode = (secret: string): Promise<string> => generate({ secret: secret.replace(/\s/g, ''), epoch: Math.floor(Date.now() / 1000) });

/** The 30-second time step a code made now belongs to (RFC 6238). */
export const totpStepNow = (): number => Math.floor(Date.now() / 30_000);

/** The customer portal as a customer sees it, in English, by roles and labels only. */
export class CustomerPortal {
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { name, level: 1 });
  }

  /** The activation page, opened from the mail's link: answers once the token has left the address. */
  async openActivationLink(link: string): Promise<void> {
    await this.page.goto(link);
    await expect(this.heading('Activate your account')).toBeVisible();
    await expect(this.page).toHaveURL(`${this.url}/activate`);
  }

  /** Types the letter's code and a new password twice, waits for the live feedback to approve it, and activates. */
  async activate(code: string, password: string): Promise<void> {
    const page = this.page;
    await page.getByLabel('Activation code (from the letter)').fill(code);
    await page.getByLabel('New password', { exact: true }).fill(password.slice(0, 4).toLowerCase());
    await expect(page.getByText(/^Rules not met yet: \d$/)).toBeVisible();
    await page.getByLabel('New password', { exact: true }).fill(password);
    await expect(page.getByText('The password meets every rule.')).toBeVisible();
    await page.getByLabel('New password again').fill(password);
    await page.getByRole('button', { name: 'Activate account' }).click();
    await expect(this.heading('Your account is active')).toBeVisible();
  }

  /** Signs in with the password and waits until the portal has moved on (to the list, or to the two-step code). */
  async signIn(username: string, password: string): Promise<void> {
    const page = this.page;
    if (!page.url().endsWith('/sign-in')) await page.goto(`${this.url}/sign-in`);
    await expect(this.heading('Sign in')).toBeVisible();
    await page.getByLabel('Email address').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'My account' }).getByRole('button', { name: 'Sign out' }).click();
    await expect(this.heading('Sign in')).toBeVisible();
    await expect(this.page.getByRole('status')).toHaveText('You have signed out.');
  }

  async goTo(section: 'My tickets' | 'My account' | 'Hours report'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'My account' }).getByRole('link', { name: section, exact: true }).click();
  }

  /** My account → Two-step login → authenticator app: answers the secret the page shows for typing into an app. */
  async startAuthenticatorSetUp(): Promise<string> {
    await this.goTo('My account');
    await expect(this.heading('My account')).toBeVisible();
    await this.page.getByRole('link', { name: 'Set up two-step login' }).click();
    await expect(this.heading('Two-step login')).toBeVisible();
    await this.page.getByRole('button', { name: 'Use an authenticator app' }).click();
    await expect(this.page.getByRole('img', { name: /^QR code to add .+ to your authenticator app$/ })).toBeVisible();
    return (await this.page.locator('code.secret').textContent()) ?? '';
  }

  /** Confirms the set-up with a code; answers the recovery codes shown once. */
  async confirmAuthenticator(code: string): Promise<string[]> {
    await this.page.getByLabel('Code', { exact: true }).fill(code);
    await this.page.getByRole('button', { name: 'Turn on two-step login' }).click();
    await expect(this.heading('Your recovery codes')).toBeVisible();
    return this.page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allTextContents();
  }

  /** Types a code on the second step of signing in. */
  async enterTwoStepCode(code: string): Promise<void> {
    await expect(this.heading('Two-step login')).toBeVisible();
    await this.page.getByLabel('Code', { exact: true }).fill(code);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** The ticket list under a quick link ("All": every ticket the customer may see), in its default order (last change first). */
  async openTickets(quickLink: 'Open' | 'Waiting for me' | 'Done, to accept' | 'All'): Promise<void> {
    await this.goTo('My tickets');
    await this.page.getByRole('navigation', { name: 'Show tickets' }).getByRole('link', { name: quickLink, exact: true }).click();
    await expect(this.page.getByRole('navigation', { name: 'Show tickets' }).getByRole('link', { name: quickLink, exact: true })).toHaveAttribute('aria-current', 'page');
  }

  get ticketTable(): Locator {
    return this.page.getByRole('table', { name: 'Your tickets' });
  }

  /** The ticket numbers of the list's page, in order ("T-10001"). */
  async ticketNumbers(): Promise<string[]> {
    return this.ticketTable.locator('tbody tr td:first-child').allTextContents();
  }

  async openTicket(reference: string): Promise<void> {
    await this.ticketTable.getByRole('link', { name: reference, exact: true }).click();
    await expect(this.heading(new RegExp(`^${reference}: `))).toBeVisible();
  }

  /** A fact of the open ticket's details ("Status", "Priority", …). */
  fact(name: string): Locator {
    return this.page.locator('.facts div').filter({ has: this.page.getByRole('term').filter({ hasText: new RegExp(`^${name}$`) }) }).getByRole('definition');
  }

  /** New ticket on "Project / Task"; answers the reference of the ticket made. */
  async createTicket(ticket: { task: string; title: string; description: string; priority: string }): Promise<string> {
    const page = this.page;
    await this.goTo('My tickets');
    await page.getByRole('link', { name: 'New ticket' }).click();
    await expect(this.heading('New ticket')).toBeVisible();
    await page.getByLabel('Project and task').selectOption({ label: ticket.task });
    await page.getByLabel('Title').fill(ticket.title);
    await page.getByLabel('Description').fill(ticket.description);
    await page.getByLabel('Priority').selectOption({ label: ticket.priority });
    await page.getByRole('button', { name: 'Create ticket' }).click();
    await expect(page.getByRole('status')).toHaveText('Your ticket has been created.');
    const heading = (await this.heading(/^T-\d+: /).textContent()) ?? '';
    return heading.slice(0, heading.indexOf(':'));
  }
}
