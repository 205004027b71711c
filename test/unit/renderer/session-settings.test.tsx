// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionSettingsSection } from '../../../renderer/src/features/session-settings/SessionSettingsForm';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

const STORED = { idleMinutes: 480, portalIdleMinutes: 30, portalAbsoluteHours: 12 };

describe('the session settings', () => {
  it("shows the portal's idle timeout and absolute lifetime beside the staff timeout, and saves all three", async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<SessionSettingsSection />, { 'session-settings:get': () => STORED, 'session-settings:update': (input) => ({ ...STORED, ...input }) });
    const portal = await screen.findByRole('group', { name: 'Customer portal sessions' });
    const idle = within(portal).getByLabelText('Sign customers out after this many idle minutes') as HTMLInputElement;
    const absolute = within(portal).getByLabelText('Sign customers out this many hours after signing in') as HTMLInputElement;
    expect([idle.value, absolute.value]).toEqual(['30', '12']);
    expect(within(screen.getByRole('group', { name: 'Staff sessions' })).getByLabelText('Sign out after this many idle minutes')).toBeTruthy();
    await user.clear(idle);
    await user.type(idle, '20');
    await user.clear(absolute);
    await user.type(absolute, '8');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.callsTo('session-settings:update')).toEqual([{ idleMinutes: 480, portalIdleMinutes: 20, portalAbsoluteHours: 8 }]));
  });

  it('says next to each field what is wrong, keeps what was typed, and sends nothing that is not a whole number', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<SessionSettingsSection />, { 'session-settings:get': () => STORED, 'session-settings:update': (input) => ({ ...STORED, ...input }) });
    const idle = (await screen.findByLabelText('Sign customers out after this many idle minutes')) as HTMLInputElement;
    const absolute = screen.getByLabelText('Sign customers out this many hours after signing in') as HTMLInputElement;
    await user.clear(idle);
    await user.type(idle, '2.5');
    await user.clear(absolute);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter a whole number, like 30.')).toBeTruthy();
    expect(screen.getByText('This field is required.')).toBeTruthy();
    expect(idle.getAttribute('aria-invalid')).toBe('true');
    expect(absolute.getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsTo('session-settings:update')).toEqual([]);

    // Out of range: refused by the contract's schema, as the core refuses it, with per-field errors shown next to the fields.
    await user.clear(idle);
    await user.type(idle, '2');
    await user.type(absolute, '1000');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The value must be at least 5.')).toBeTruthy();
    expect(screen.getByText('The value must be at most 720.')).toBeTruthy();
    expect(idle.getAttribute('aria-describedby')).toContain(screen.getByText('The value must be at least 5.').id);
    expect([idle.value, absolute.value]).toEqual(['2', '1000']);
    expect(fake.callsTo('session-settings:update')).toHaveLength(1);
  });

  it('in Dutch', async () => {
    renderWithApp(<SessionSettingsSection />, { 'session-settings:get': () => STORED }, { language: 'nl' });
    expect(await screen.findByRole('group', { name: 'Sessies in het klantportaal' })).toBeTruthy();
    expect(screen.getByLabelText('Klanten zoveel uur na het aanmelden afmelden')).toBeTruthy();
  });
});
