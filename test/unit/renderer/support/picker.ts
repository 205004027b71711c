import { within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** Types into a search picker (combobox) and chooses the option named OPTION from what the core found. */
export async function pick(user: UserEvent, scope: HTMLElement, label: string, typed: string, option: string | RegExp): Promise<void> {
  const box = within(scope).getByRole('combobox', { name: label });
  await user.clear(box);
  if (typed === '') await user.click(box);
  else await user.type(box, typed);
  const list = within(scope).getByRole('listbox', { name: label, hidden: true });
  await user.click(await within(list).findByRole('option', { name: option }));
}
