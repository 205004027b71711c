// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { HourCardsSection } from '../../../renderer/src/features/hours/HourCardsSection';
import { parseHours } from '../../../renderer/src/features/hours/hours-format';
import type { HourCard } from '../../../shared/api/hours';
import { AppError } from '../../../shared/errors';
import { organisation, project, staffMember } from './support/fixtures';
import { pick } from './support/picker';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

const card = (overrides: Partial<HourCard> = {}): HourCard => ({
  id: 31,
  organisationId: 7,
  projectId: null,
  projectName: null,
  purchasedOn: '2026-01-05',
  minutes: 750,
  usedMinutes: 120,
  remainingMinutes: 630,
  note: 'Q1',
  createdAt: '2026-01-05T09:00:00.000Z',
  ...overrides,
});

describe('reading hours in the UI language', () => {
  it('takes the decimal comma in Dutch and German and the point in English, as whole minutes', () => {
    expect(parseHours('12,5', 'nl')).toEqual({ minutes: 750 });
    expect(parseHours(' 2,25 ', 'de')).toEqual({ minutes: 135 });
    expect(parseHours('12.5', 'en')).toEqual({ minutes: 750 });
    expect(parseHours('8', 'de')).toEqual({ minutes: 480 });
  });

  it('refuses empty, foreign-format, zero and too many hours, each with its own problem', () => {
    expect(parseHours('  ', 'nl')).toEqual({ error: { code: 'required' } });
    // In German "1.5" may be a grouped 15: refused, never guessed.
    expect(parseHours('1.5', 'de')).toEqual({ error: { code: 'hours_format' } });
    expect(parseHours('12,5', 'en')).toEqual({ error: { code: 'hours_format' } });
    expect(parseHours('-3', 'en')).toEqual({ error: { code: 'hours_format' } });
    expect(parseHours('0,001', 'nl')).toEqual({ error: { code: 'too_small', min: 1 } });
    expect(parseHours('10000,5', 'nl')).toEqual({ error: { code: 'too_big', max: 10_000 } });
  });
});

describe('the hour cards of an organisation', () => {
  it('lists the cards in Dutch and adds one for a project: an empty or wrongly written number is marked at the field and nothing typed is lost', async () => {
    const user = userEvent.setup();
    let cards = [card()];
    const { fake } = renderWithApp(
      <HourCardsSection organisation={organisation({ id: 7 })} />,
      {
        'session:current': () => staffMember(),
        'hour-cards:list': () => cards,
        'projects:list': () => ({ rows: [project({ id: 41, name: 'Webshop' }), project({ id: 42, name: 'Kassa' })], total: 2 }),
        'hour-cards:create': (input) => {
          const created = card({ id: 32, purchasedOn: input.purchasedOn, minutes: input.minutes, projectId: input.projectId, projectName: 'Kassa', usedMinutes: 0, remainingMinutes: input.minutes, note: input.note });
          cards = [...cards, created];
          return created;
        },
      },
      { language: 'nl' },
    );
    const panel = (await screen.findByRole('heading', { name: 'Strippenkaarten' })).closest('section') as HTMLElement;
    const row = await within(panel).findByRole('row', { name: /Q1/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['5 jan 2026', '12,5', 'Alle projecten', '2', '10,5', 'Q1', 'Verwijderen']);

    await user.click(within(panel).getByRole('button', { name: 'Strippenkaart toevoegen' }));
    const dialog = screen.getByRole('dialog', { name: 'Strippenkaart toevoegen' });
    const hours = within(dialog).getByLabelText('Uren');
    await user.clear(within(dialog).getByLabelText('Gekocht op'));
    await user.type(within(dialog).getByLabelText('Gekocht op'), '2026-02-01');
    await user.type(within(dialog).getByLabelText('Notitie'), 'Tweede kaart');
    // The organisation's projects, asked for that organisation only; none chosen is a general card.
    const projectField = within(dialog).getByRole('combobox', { name: 'Project' }) as HTMLInputElement;
    expect(projectField.value).toBe('');
    // Searched in the core, among that organisation's projects only.
    await user.type(projectField, 'kas');
    await waitFor(() => expect(fake.callsTo('projects:list')).toContainEqual(expect.objectContaining({ organisationId: 7, search: 'kas' })));
    await pick(user, dialog, 'Project', 'kas', 'Kassa');
    await user.click(within(dialog).getByRole('button', { name: 'Strippenkaart toevoegen' }));
    expect(hours.getAttribute('aria-invalid')).toBe('true');
    expect(projectField.value).toBe('Kassa');
    expect(within(dialog).getByText('Dit veld is verplicht.')).toBeTruthy();

    await user.type(hours, '12.5');
    await user.click(within(dialog).getByRole('button', { name: 'Strippenkaart toevoegen' }));
    expect(within(dialog).getByText('Vul de uren in als getal, bijvoorbeeld 12,5.')).toBeTruthy();
    expect(fake.callsTo('hour-cards:create')).toEqual([]);
    expect((within(dialog).getByLabelText('Notitie') as HTMLTextAreaElement).value).toBe('Tweede kaart');

    await user.clear(hours);
    await user.type(hours, '12,5');
    await user.click(within(dialog).getByRole('button', { name: 'Strippenkaart toevoegen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('hour-cards:create')).toEqual([{ organisationId: 7, purchasedOn: '2026-02-01', minutes: 750, projectId: 42, note: 'Tweede kaart' }]);
    expect(await within(panel).findByRole('row', { name: /Tweede kaart/ })).toBeTruthy();
  });

  it("keeps the dialog and its values when the core refuses, with the core's field error at the field", async () => {
    const user = userEvent.setup();
    renderWithApp(<HourCardsSection organisation={organisation({ id: 7 })} />, {
      'session:current': () => staffMember(),
      'hour-cards:list': () => [],
      'hour-cards:create': () => {
        throw new AppError('VALIDATION', 'bad day', { fields: { purchasedOn: { code: 'invalid_value' } } });
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Add hour card' }));
    const dialog = screen.getByRole('dialog', { name: 'Add hour card' });
    await user.type(within(dialog).getByLabelText('Hours'), '3.75');
    await user.click(within(dialog).getByRole('button', { name: 'Add hour card' }));
    expect(await within(dialog).findByText('This value is not allowed.')).toBeTruthy();
    expect(within(dialog).getByLabelText('Purchased on').getAttribute('aria-invalid')).toBe('true');
    expect((within(dialog).getByLabelText('Hours') as HTMLInputElement).value).toBe('3.75');
  });

  it('asks before deleting, and shows the refusal of a used card in the words of the UI', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(
      <HourCardsSection organisation={organisation({ id: 7 })} />,
      {
        'session:current': () => staffMember(),
        'hour-cards:list': () => [card()],
        'hour-cards:delete': () => {
          throw new AppError('IN_USE', '120 minutes of this hour card have been used', { params: { minutes: 120 } });
        },
      },
      { language: 'de' },
    );
    await user.click(await screen.findByRole('button', { name: 'Stundenkarte vom 05.01.2026 löschen' }));
    const dialog = screen.getByRole('dialog', { name: 'Stundenkarte löschen' });
    expect(dialog.textContent).toContain('Stundenkarte über 12,5 Stunden, gekauft am 05.01.2026, löschen?');
    await user.click(within(dialog).getByRole('button', { name: 'Stundenkarte löschen' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Von dieser Karte wurden 2 Stunden verbraucht; sie kann nicht mehr gelöscht werden.');
    expect(fake.callsTo('hour-cards:delete')).toEqual([{ id: 31 }]);
  });

  it('lets staff read the cards but not change them, and says why', async () => {
    renderWithApp(<HourCardsSection organisation={organisation({ id: 7 })} />, {
      'session:current': () => staffMember({ role: 'staff' }),
      'hour-cards:list': () => [card()],
    });
    await screen.findByRole('row', { name: /Q1/ });
    await waitFor(() => expect((screen.getByRole('button', { name: 'Add hour card' }) as HTMLButtonElement).disabled).toBe(true));
    expect(screen.getByRole('button', { name: 'Add hour card' }).getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('Only administrators add or delete hour cards.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Delete/ })).toBeNull();
  });
});
