// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { useDisplayLanguage } from '../../../renderer/src/features/session/display-language-store';
import type { StaffMember } from '../../../shared/api/staff';
import { staffMember } from './support/fixtures';
import { renderWithApp } from './support/render-app';

beforeEach(() => {
  window.history.replaceState(null, '', '/#/');
  useDisplayLanguage.setState({ override: null });
});
afterEach(cleanup);

const MUTATIONS = /:(create|update|delete|set-|sign-in|sign-out)/;

describe('switching language', () => {
  it('re-renders the signed-in UI at once when the user picks another language in Settings', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/#/settings');
    let me: StaffMember = staffMember({ language: 'en' });
    const { fake } = renderWithApp(<App />, {
      'session:current': () => me,
      'setup:status': () => ({ needsAdministrator: false, defaultLanguage: 'en' }),
      'settings:get': () => ({ defaultLanguage: 'en' }),
      'staff:set-my-language': ({ language }) => (me = { ...me, language }),
    });
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Organisations' })).toBeTruthy();
    // The settings screen loads on first use (a chunk of its own).
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Settings');

    await user.selectOptions(screen.getByLabelText('My language'), 'nl');

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Instellingen'));
    const navNl = screen.getByRole('navigation', { name: 'Hoofdnavigatie' });
    expect(within(navNl).getByRole('link', { name: 'Organisaties' })).toBeTruthy();
    expect(within(navNl).queryByRole('link', { name: 'Organisations' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Afmelden' })).toBeTruthy();
    expect(fake.callsTo('staff:set-my-language')).toEqual([{ language: 'nl' }]);
    expect(document.documentElement.lang).toBe('nl');
  });

  it('before sign-in shows the default language, and the picker changes only the display', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<App />, {
      'session:current': () => null,
      'setup:status': () => ({ needsAdministrator: false, defaultLanguage: 'de' }),
    });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Bei Portier anmelden');
    expect(screen.getByRole('button', { name: 'Anmelden' })).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Sprache'), 'nl');

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Aanmelden bij Portier'));
    expect(screen.getByLabelText('Wachtwoord')).toBeTruthy();
    expect(fake.calls.filter((c) => MUTATIONS.test(c.channel))).toEqual([]);
  });

  it('formats dates by the current language', async () => {
    window.history.replaceState(null, '', '/#/staff');
    const at = '2025-03-14T09:26:53.000Z';
    const handlers = (language: 'en' | 'de') => ({
      'session:current': () => staffMember({ language }),
      'setup:status': () => ({ needsAdministrator: false, defaultLanguage: 'en' as const }),
      'staff:list': () => ({ rows: [staffMember({ language, lastSignInAt: at })], total: 1 }),
    });
    const english = renderWithApp(<App />, handlers('en'));
    const enCell = await screen.findByText(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at)));
    expect(enCell.textContent).toMatch(/Mar/);
    english.unmount();

    renderWithApp(<App />, handlers('de'), { language: 'de' });
    const deCell = await screen.findByText(new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at)));
    expect(deCell.textContent).toMatch(/14\.03\.2025/);
    expect(screen.queryByText(/Mar 14/)).toBeNull();
  });
});

