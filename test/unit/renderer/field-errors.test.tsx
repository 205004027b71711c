// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { OrganisationForm } from '../../../renderer/src/features/organisations/OrganisationForm';
import { SetupScreen } from '../../../renderer/src/features/session/SetupScreen';
import { AppError } from '../../../shared/errors';
import { organisation } from './support/fixtures';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

const invalid = (el: HTMLElement) => el.getAttribute('aria-invalid') === 'true';
const valueOf = (el: HTMLElement) => (el as HTMLInputElement).value;
const textOf = (el: HTMLElement) => el.textContent ?? '';

/** The text of the elements a control's aria-describedby points to. */
function description(control: HTMLElement): string {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('field errors', () => {
  it('shows a VALIDATION error next to the right field, translated with its limit, and keeps what was typed', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<OrganisationForm />, {
      'organisations:create': () => {
        throw new AppError('VALIDATION', 'Invalid input: customerNumber', { fields: { customerNumber: { code: 'too_long', max: 40 } } });
      },
    });
    await user.type(screen.getByLabelText('Name'), 'Bäckerei Müller GmbH');
    await user.type(screen.getByLabelText('Customer number'), 'C-123');
    await user.type(screen.getByLabelText('City'), 'Köln');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const customerNumber = await screen.findByLabelText('Customer number');
    await waitFor(() => expect(invalid(customerNumber)).toBe(true));
    expect(description(customerNumber)).toContain('Use at most 40 characters.');
    expect(textOf(screen.getByRole('alert'))).toContain('Some fields need your attention');
    // Only the field the core named is marked.
    expect(invalid(screen.getByLabelText('Name'))).toBe(false);
    expect(invalid(screen.getByLabelText('City'))).toBe(false);
    // Nothing typed was lost.
    expect(valueOf(screen.getByLabelText('Name'))).toBe('Bäckerei Müller GmbH');
    expect(valueOf(customerNumber)).toBe('C-123');
    expect(valueOf(screen.getByLabelText('City'))).toBe('Köln');
    expect(fake.callsTo('organisations:create')).toEqual([expect.objectContaining({ name: 'Bäckerei Müller GmbH', customerNumber: 'C-123', city: 'Köln' })]);
  });

  it('clears a field error once the user edits that field', async () => {
    const user = userEvent.setup();
    renderWithApp(<OrganisationForm />, {
      'organisations:create': () => {
        throw new AppError('VALIDATION', 'x', { fields: { name: { code: 'required' } } });
      },
    });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const name = screen.getByLabelText('Name');
    await waitFor(() => expect(description(name)).toContain('This field is required.'));
    await user.type(name, 'A');
    expect(invalid(name)).toBe(false);
    expect(description(name)).not.toContain('required');
  });

  it('shows CYCLE as an alert and on the parent picker, and IN_USE with its counts after confirming a delete', async () => {
    const user = userEvent.setup();
    renderWithApp(<OrganisationForm organisation={organisation({ personCount: 2, childCount: 1 })} />, {
      'organisations:update': () => {
        throw new AppError('CYCLE', 'cycle', { fields: { parentId: { code: 'cycle' } } });
      },
      'organisations:delete': () => {
        throw new AppError('IN_USE', 'in use', { params: { accounts: 1, persons: 2, children: 0 } });
      },
    });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(textOf(await screen.findByRole('alert'))).toContain('cannot be its own umbrella');
    expect(description(screen.getByLabelText('Parent organisation'))).toContain('its own umbrella');

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    await user.click(within(dialog).getByRole('button', { name: 'Delete organisation' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(textOf(screen.getByRole('alert'))).toContain('This cannot be deleted: 1 portal account, 2 persons still refer to it.');
  });

  it('refuses differing passwords on the set-up form before sending anything', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<SetupScreen />, { 'setup:create-administrator': () => { throw new Error('must not be called'); } });
    await user.type(screen.getByLabelText('Name'), 'Ada');
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.type(screen.getByLabelText('Confirm password'), 'correct horse batterie');
    await user.click(screen.getByRole('button', { name: 'Create administrator' }));
    const confirm = screen.getByLabelText('Confirm password');
    expect(invalid(confirm)).toBe(true);
    expect(description(confirm)).toContain('The passwords do not match.');
    expect(valueOf(screen.getByLabelText('Password'))).toBe('correct horse battery');
    expect(fake.callsTo('setup:create-administrator')).toHaveLength(0);
  });
});
