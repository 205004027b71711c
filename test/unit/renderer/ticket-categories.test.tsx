// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TicketCategoriesSection } from '../../../renderer/src/features/ticket-categories/TicketCategoriesSection';
import type { TicketCategory } from '../../../shared/api/tickets';
import { AppError } from '../../../shared/errors';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

const category = (overrides: Partial<TicketCategory> = {}): TicketCategory => ({ id: 3, nameEn: 'Bug', nameNl: 'Fout', nameDe: 'Fehler', name: 'Bug', archived: false, ...overrides });

describe('ticket categories in the settings', () => {
  it('adds a category: every missing name is marked at its field, nothing typed is lost, then all three names are sent', async () => {
    const user = userEvent.setup();
    let categories = [category()];
    const { fake } = renderWithApp(<TicketCategoriesSection />, {
      'ticket-categories:list': ({ language }) => categories.map((c) => ({ ...c, name: language === 'nl' ? c.nameNl : c.nameEn })),
      'ticket-categories:create': (input) => {
        const created = category({ id: 4, ...input, name: input.nameEn });
        categories = [...categories, created];
        return created;
      },
    });
    expect(await screen.findByRole('row', { name: /Fehler/ })).toBeTruthy();
    expect(fake.callsTo('ticket-categories:list')).toContainEqual({ language: 'en', includeArchived: false });

    await user.click(screen.getByRole('button', { name: 'Add category' }));
    const dialog = screen.getByRole('dialog', { name: 'Add category' });
    await user.type(within(dialog).getByLabelText('Name in Dutch'), 'Wens');
    await user.click(within(dialog).getByRole('button', { name: 'Save category' }));
    expect(within(dialog).getByLabelText('Name in English').getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByLabelText('Name in German').getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByLabelText('Name in Dutch').getAttribute('aria-invalid')).toBeNull();
    expect((within(dialog).getByLabelText('Name in Dutch') as HTMLInputElement).value).toBe('Wens');
    expect(fake.callsTo('ticket-categories:create')).toEqual([]);

    await user.type(within(dialog).getByLabelText('Name in English'), 'Wish');
    await user.type(within(dialog).getByLabelText('Name in German'), 'Wunsch');
    await user.click(within(dialog).getByRole('button', { name: 'Save category' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('ticket-categories:create')).toEqual([{ nameEn: 'Wish', nameNl: 'Wens', nameDe: 'Wunsch' }]);
    expect(await screen.findByRole('row', { name: /Wunsch/ })).toBeTruthy();
  });

  it("keeps the edit dialog and its names on the core's field error, and archives only after asking (German)", async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(
      <TicketCategoriesSection />,
      {
        'ticket-categories:list': () => [category({ name: 'Fehler' })],
        'ticket-categories:update': () => {
          throw new AppError('VALIDATION', 'too long', { fields: { nameDe: { code: 'too_big', max: 5 } } });
        },
        'ticket-categories:archive': ({ id }) => category({ id, archived: true }),
      },
      { language: 'de' },
    );
    await user.click(await screen.findByRole('button', { name: 'Kategorie Fehler bearbeiten' }));
    const dialog = screen.getByRole('dialog', { name: 'Kategorie bearbeiten' });
    const german = within(dialog).getByLabelText('Name auf Deutsch') as HTMLInputElement;
    expect(german.value).toBe('Fehler');
    await user.type(german, 'meldung');
    await user.click(within(dialog).getByRole('button', { name: 'Kategorie speichern' }));
    await waitFor(() => expect(german.getAttribute('aria-invalid')).toBe('true'));
    expect(german.value).toBe('Fehlermeldung');
    expect(fake.callsTo('ticket-categories:update')).toEqual([{ id: 3, nameEn: 'Bug', nameNl: 'Fout', nameDe: 'Fehlermeldung' }]);
    await user.click(within(dialog).getByRole('button', { name: 'Abbrechen' }));

    await user.click(screen.getByRole('button', { name: 'Kategorie Fehler archivieren' }));
    const confirm = screen.getByRole('dialog', { name: 'Kategorie archivieren' });
    expect(fake.callsTo('ticket-categories:archive')).toEqual([]);
    await user.click(within(confirm).getByRole('button', { name: 'Kategorie archivieren' }));
    await waitFor(() => expect(fake.callsTo('ticket-categories:archive')).toEqual([{ id: 3 }]));
  });
});
