// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetSessionStores } from '../../../renderer/src/components/session-stores';
import { OrganisationsScreen } from '../../../renderer/src/features/organisations/OrganisationsScreen';
import type { InputOf } from '../../../shared/api';
import { organisation } from './support/fixtures';
import { renderWithApp } from './support/render-app';

beforeEach(() => {
  window.history.replaceState(null, '', '/#/organisations');
  resetSessionStores();
});
afterEach(cleanup);

type ListInput = InputOf<'organisations:list'>;

function renderList() {
  const rows = [organisation({ id: 7 }), organisation({ id: 8, name: 'Filiale Bonn', customerNumber: null, city: 'Bonn', parentId: 7, parentName: 'Bäckerei Müller GmbH' })];
  return renderWithApp(<OrganisationsScreen />, { 'organisations:list': () => ({ rows, total: 120 }) });
}

const lastInput = (calls: unknown[]) => calls[calls.length - 1] as ListInput;

describe('organisations list', () => {
  it('asks the core to sort, and tells assistive technology the order with aria-sort', async () => {
    const user = userEvent.setup();
    const { fake } = renderList();
    await screen.findByText('Filiale Bonn');
    expect(lastInput(fake.callsTo('organisations:list'))).toMatchObject({ sort: 'name', direction: 'asc', offset: 0, limit: 50 });
    const nameHeader = screen.getByRole('columnheader', { name: /Name/ });
    expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');

    await user.click(screen.getByRole('button', { name: /Customer number/ }));
    await waitFor(() => expect(lastInput(fake.callsTo('organisations:list'))).toMatchObject({ sort: 'customerNumber', direction: 'asc' }));
    expect(screen.getByRole('columnheader', { name: /Customer number/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(nameHeader.getAttribute('aria-sort')).toBe('none');

    await user.click(screen.getByRole('button', { name: /Customer number/ }));
    await waitFor(() => expect(lastInput(fake.callsTo('organisations:list'))).toMatchObject({ sort: 'customerNumber', direction: 'desc' }));
    expect(screen.getByRole('columnheader', { name: /Customer number/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('pages and searches in the core, going back to the first page on a new search', async () => {
    const user = userEvent.setup();
    const { fake } = renderList();
    await screen.findByText('1–50 of 120');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(lastInput(fake.callsTo('organisations:list')).offset).toBe(50));
    expect(await screen.findByText('51–100 of 120')).toBeTruthy();

    await user.type(screen.getByLabelText('Search'), 'Köln');
    await waitFor(() => expect(lastInput(fake.callsTo('organisations:list'))).toMatchObject({ search: 'Köln', offset: 0 }));
  });

  it('opens an organisation with Enter on its row, as with a click', async () => {
    const user = userEvent.setup();
    renderList();
    const row = (await screen.findByText('Filiale Bonn')).closest('tr');
    if (!row) throw new Error('no row');
    expect(row.tabIndex).toBe(0);
    row.focus();
    await user.keyboard('{Enter}');
    expect(window.location.hash).toBe('#/organisations/8');
    await user.click(screen.getByText('C-2001'));
    expect(window.location.hash).toBe('#/organisations/7');
  });
});
