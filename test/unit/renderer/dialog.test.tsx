// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { PersonForm } from '../../../renderer/src/features/persons/PersonForm';
import { person } from './support/fixtures';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

describe('the delete confirmation dialog', () => {
  it('takes focus, keeps Tab inside, closes on Escape and gives focus back', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<PersonForm person={person()} />, { 'persons:delete': () => null });
    const del = screen.getByRole('button', { name: 'Delete' });
    await user.click(del);

    const dialog = screen.getByRole('dialog', { name: 'Delete person' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain('Delete Jürgen Größe?');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete person' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(del);
    expect(fake.callsTo('persons:delete')).toEqual([]);
  });

  it('deletes only after the button that says so, then tells the user', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<PersonForm person={person()} />, { 'persons:delete': () => null });
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.queryByRole('button', { name: 'Confirm' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Delete person' }));
    expect(fake.callsTo('persons:delete')).toEqual([{ id: 3 }]);
    expect(window.location.hash).toBe('#/organisations/7');
  });
});
