import { expect, test } from './fixtures';
import { PortierApp } from './pages/portier-app';
import { RoleGroupsPage } from './pages/role-groups';

test('an administrator creates a role group, cannot give it staff-only powers, and switches the password policy to NIST', async ({ page, portier }) => {
  const app = new PortierApp(page);
  await app.open(portier.url);
  await app.createAdministrator();

  await app.goTo('Role groups');
  for (const builtIn of ['Standard', 'Client', 'Client participant', 'Partner']) {
    await expect(page.getByRole('row').filter({ hasText: builtIn }).first()).toBeVisible();
  }
  await new RoleGroupsPage(page).createRoleGroup('Auditors light', ['Read tickets', 'Hours report'], 'Reads and reports');

  const closeAny = page.getByRole('checkbox', { name: /Close any ticket/ });
  await expect(closeAny).toBeDisabled();
  await expect(page.getByText('Staff-only power: cannot be given to customers.').first()).toBeVisible();
  // Select-all of a group ticks every customer permission in it, and only those.
  await page.getByRole('checkbox', { name: 'All of Tickets' }).check();
  await expect(page.getByRole('checkbox', { name: 'Comment on tickets', exact: true })).toBeChecked();
  await expect(closeAny).not.toBeChecked();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Role group Auditors light saved.' }).last()).toBeVisible();

  await app.goTo('Role groups');
  await expect(page.getByRole('row').filter({ hasText: 'Auditors light' })).toContainText('Reads and reports');

  await app.goTo('Settings');
  await page.getByRole('button', { name: /NIST 800-63B/ }).click();
  await expect(page.getByLabel('Minimum length')).toHaveValue('15');
  await page.getByLabel('Maximum length').fill('40');
  await page.getByRole('form', { name: 'Password policy for portal accounts' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByLabel('Maximum length')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Minimum length')).toHaveValue('15');
  await page.getByLabel('Maximum length').fill('128');
  await page.getByLabel('Try a password').fill('Short1A');
  await expect(page.getByText('At least 15 characters')).toBeVisible();
  await page.getByRole('form', { name: 'Password policy for portal accounts' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Password policy saved.' }).last()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Minimum length')).toHaveValue('15');
});
