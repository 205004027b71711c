import { expect, type Page } from '@playwright/test';

/** Role groups: list and page, by roles and labels only. */
export class RoleGroupsPage {
  constructor(readonly page: Page) {}

  /** From the role group list: a new group with these permissions (by their English labels). */
  async createRoleGroup(name: string, permissionLabels: readonly string[], description?: string): Promise<void> {
    const page = this.page;
    await page.getByRole('button', { name: 'New role group' }).click();
    await page.getByLabel('Name', { exact: true }).fill(name);
    if (description) await page.getByLabel('Description', { exact: true }).fill(description);
    for (const label of permissionLabels) await page.getByRole('checkbox', { name: label, exact: true }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `Role group ${name} created.` }).last()).toBeVisible();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }
}
