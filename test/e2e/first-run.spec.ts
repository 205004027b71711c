import { expect, test } from './fixtures';
import { ADMIN, PortierApp } from './pages/portier-app';

test('a new user creates the first administrator, signs out and signs in again', async ({ page, portier }) => {
  const app = new PortierApp(page);
  await app.open(portier.url);
  await app.createAdministrator();
  await expect(page.getByText(ADMIN.name).first()).toBeVisible();
  await app.signOut();

  await app.signIn(ADMIN.email, 'wrong password!');
  await expect(page.getByRole('alert')).toContainText(/email address or password/i);
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(ADMIN.email);

  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('the first-administrator form keeps what was typed and explains a bad email', async ({ page, portier }) => {
  const app = new PortierApp(page);
  await app.open(portier.url);
  await page.getByLabel('Name', { exact: true }).fill('Bea');
  await page.getByLabel('Email', { exact: true }).fill('not-an-email');
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Confirm password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create administrator' }).click();
  const email = page.getByLabel('Email', { exact: true });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveValue('not-an-email');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Bea');
  await expect(page.getByRole('heading', { name: 'Create the first administrator' })).toBeVisible();
});

test('the data API refuses requests without the per-launch secret', async ({ request, portier }) => {
  const origin = new URL(portier.url).origin;
  const response = await request.post(`${origin}/api/invoke`, { data: { channel: 'setup:status', input: {} } });
  expect(response.status()).toBe(401);
  const body = (await response.json()) as { ok: boolean };
  expect(body.ok).toBe(false);
});
