// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useNotifications } from '../../../renderer/src/components/notification-store';
import { PersonForm } from '../../../renderer/src/features/persons/PersonForm';
import type { InputOf } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { organisation, person } from './support/fixtures';
import { renderWithApp } from './support/render-app';

beforeEach(() => {
  window.history.replaceState(null, '', '/#/persons/new');
  useNotifications.setState({ notifications: [] });
});
afterEach(cleanup);

const ORGANISATIONS = [organisation({ id: 7 }), organisation({ id: 9, name: 'Koffiebranderij De Boon', city: 'Utrecht' })];

describe('person form', () => {
  it('picks the organisation from a search in the core by keyboard, creates the person and says so', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<PersonForm />, {
      'organisations:list': ({ search }) => {
        const rows = ORGANISATIONS.filter((o) => o.name.toLowerCase().includes((search ?? '').toLowerCase()));
        return { rows, total: rows.length };
      },
      'persons:create': (input) => person({ id: 21, organisationId: input.organisationId, firstName: 'Anna', lastName: 'de Vries' }),
    });
    const picker = screen.getByRole('combobox', { name: 'Organisation' });
    await user.type(picker, 'koffie');
    await waitFor(() => expect(fake.callsTo('organisations:list')).toContainEqual(expect.objectContaining({ search: 'koffie' })));
    await waitFor(() => expect(within(screen.getByRole('listbox')).getAllByRole('option').map((o) => o.textContent)).toEqual(['Koffiebranderij De Boon · Utrecht']));
    await user.keyboard('{ArrowDown}{Enter}');
    expect((picker as HTMLInputElement).value).toBe('Koffiebranderij De Boon');
    expect(picker.getAttribute('aria-expanded')).toBe('false');

    await user.type(screen.getByLabelText('First name'), 'Anna');
    await user.type(screen.getByLabelText('Last name'), 'de Vries');
    await user.type(screen.getByLabelText('Mobile'), '+31 6 12345678');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(fake.callsTo('persons:create')).toHaveLength(1));
    const sent = fake.callsTo('persons:create')[0] as InputOf<'persons:create'>;
    expect(sent).toMatchObject({ organisationId: 9, firstName: 'Anna', lastName: 'de Vries', mobile: '+31 6 12345678', language: 'default' });
    await waitFor(() => expect(window.location.hash).toBe('#/persons/21'));
    expect(useNotifications.getState().notifications.map((n) => n.message)).toEqual(['Anna de Vries created.']);
  });

  it('without an organisation leaves the id out, so the core answers "required" next to the picker', async () => {
    const user = userEvent.setup();
    renderWithApp(<PersonForm />, {
      'persons:create': (input) => {
        // What the HTTP bridge sends: JSON, in which an undefined id simply does not exist.
        if (!('organisationId' in JSON.parse(JSON.stringify(input)))) {
          throw new AppError('VALIDATION', 'Invalid input: organisationId', { fields: { organisationId: { code: 'required' } } });
        }
        return person();
      },
    });
    await user.type(screen.getByLabelText('Last name'), 'de Vries');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const picker = screen.getByRole('combobox', { name: 'Organisation' });
    await waitFor(() => expect(picker.getAttribute('aria-invalid')).toBe('true'));
    const described = (picker.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('This field is required.');
    expect((screen.getByLabelText('Last name') as HTMLInputElement).value).toBe('de Vries');
  });
});
