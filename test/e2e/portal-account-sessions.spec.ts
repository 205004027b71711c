import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect, test } from './fixtures';
import { OrganisationsPage } from './pages/contacts';
import { PortalAccountsPage } from './pages/portal-accounts';
import { PortierApp } from './pages/portier-app';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PORTAL_LINE = /The customer portal is running at (http:\/\/127\.0\.0\.1:\d+)/;

/** The customer portal (`portier portal`, as built) on the back office's data folder. */
async function startPortal(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli/portier.mjs'), 'portal', '--port', '0', '--data-dir', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the portal did not print its address:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = PORTAL_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the portal exited with ${code}:\n${output}`));
    });
  });
  return { url, child };
}

test('staff set a password the customer must change, see the customer signed in to the portal, and end all sessions', async ({ page, portier, browser }) => {
  const app = new PortierApp(page);
  await app.open(portier.url);
  await app.createAdministrator();
  await app.goTo('Organisations');
  await new OrganisationsPage(page).create({ name: 'Zuivel Zeeland' });
  await app.goTo('Portal accounts');
  await page.getByRole('button', { name: 'New portal account' }).click();
  await page.getByLabel('Username (email)').fill('info@zuivel.example');
  await page.getByLabel('Organisation', { exact: true }).fill('Zuivel');
  await page.getByRole('option', { name: 'Zuivel Zeeland' }).click();
  await new PortalAccountsPage(page).saveWithGroups(['Client'], /Portal account info@zuivel\.example created/);
  const sessions = page.getByRole('region', { name: 'Portal sessions' });
  await expect(sessions).toContainText('No open sessions.');

  // Set password: live policy feedback, "must change" ticked by default; a mismatch is refused next to the field.
  await page.getByRole('button', { name: 'Set password…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set the password of info@zuivel.example' });
  await dialog.getByLabel('New password', { exact: true }).fill('harbour');
  await expect(dialog.getByText('Rules not met yet: 3')).toBeVisible();
  await dialog.getByLabel('New password', { exact: true }).fill('Quiet-Harbour-58');
  await expect(dialog.getByText('The password meets the policy.')).toBeVisible();
  await dialog.getByLabel('Repeat the new password', { exact: true }).fill('Quiet-Harbour-59');
  await expect(dialog.getByRole('checkbox', { name: 'Must choose a new password at the next sign-in' })).toBeChecked();
  await dialog.getByLabel('Repeat the new password', { exact: true }).press('Enter');
  await expect(dialog.getByText('The passwords do not match.')).toBeVisible();
  await dialog.getByLabel('Repeat the new password', { exact: true }).fill('Quiet-Harbour-58');
  await dialog.getByLabel('Repeat the new password', { exact: true }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Password of info@zuivel.example set.' }).last()).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Access' })).toContainText('must choose a new password at the next sign-in');

  // The customer signs in to the portal, which runs beside the back office on the same data folder.
  const portal = await startPortal(portier.dataDir);
  const customer = await browser.newContext();
  try {
    const portalPage = await customer.newPage();
    await portalPage.goto(`${portal.url}/sign-in`);
    await portalPage.getByLabel('Email address').fill('info@zuivel.example');
    await portalPage.getByLabel('Password').fill('Quiet-Harbour-58');
    await portalPage.getByRole('button', { name: 'Sign in' }).click();
    await expect(portalPage).not.toHaveURL(/\/sign-in/);

    // The account page lists the session (the list is read again on a revisit).
    await app.goTo('Portal accounts');
    await new PortalAccountsPage(page).row('info@zuivel.example').dblclick();
    const row = sessions.getByRole('row').filter({ hasText: '127.0.0.1' });
    await expect(row).toContainText('Chrome · Linux');

    await sessions.getByRole('button', { name: 'End all sessions…' }).click();
    const confirm = page.getByRole('dialog', { name: 'End all portal sessions' });
    await expect(confirm).toContainText('Sign info@zuivel.example out of the portal everywhere?');
    await confirm.getByRole('button', { name: 'End all sessions' }).click();
    await expect(page.getByRole('status').filter({ hasText: '1 session of info@zuivel.example ended.' }).last()).toBeVisible();
    await expect(sessions).toContainText('No open sessions.');

    // The customer's next click finds the session gone; the password still signs in.
    await portalPage.goto(`${portal.url}/`);
    await expect(portalPage).toHaveURL(/\/sign-in/);
    await expect(portalPage.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  } finally {
    await customer.close();
    portal.child.kill('SIGTERM');
    await new Promise((resolve) => (portal.child.exitCode !== null ? resolve(null) : portal.child.once('exit', resolve)));
  }

  // The audit log names the customer's portal account as the actor of its sign-in.
  await app.goTo('Audit log');
  const rows = page.getByRole('row');
  await expect(rows.filter({ hasText: 'Signed in to the portal' }).first()).toContainText('info@zuivel.example (portal)');
  await expect(rows.filter({ hasText: 'Portal sessions ended' }).first()).toContainText('Ada Administrator');
  await expect(rows.filter({ hasText: 'Password set by staff' }).first()).toContainText('Must choose a new password at the next sign-in');
});
