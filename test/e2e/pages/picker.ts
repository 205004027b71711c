import type { Locator } from '@playwright/test';

/** Types into a search picker (combobox) in SCOPE and chooses the option named OPTION among what the core found. */
export async function pick(scope: Locator, label: string, typed: string, option: string | RegExp = typed): Promise<void> {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await box.click();
  await box.fill(typed);
  await scope.getByRole('listbox', { name: label, exact: true }).getByRole('option', { name: option }).click();
}
