// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useNotifications } from '../../../renderer/src/components/notification-store';
import { AccountAccessPanel } from '../../../renderer/src/features/portal-accounts/AccountAccessPanel';
import { DEFAULT_ACTIVATION_SETTINGS } from '../../../shared/api/activation-settings';
import { DEFAULT_PASSWORD_POLICY } from '../../../shared/api/password-policy';
import { AppError } from '../../../shared/errors';
import { portalAccount } from './support/fixtures';
import { renderWithApp } from './support/render-app';

beforeEach(() => useNotifications.setState({ notifications: [] }));
afterEach(cleanup);

const account = portalAccount({ id: 4, username: 'erik@example.com', hasPassword: true, status: 'active', activatedAt: '2026-12-01T10:00:00.000Z' });
const messages = () => useNotifications.getState().notifications.map((n) => n.message);
const policy = { 'password-policy:get': () => DEFAULT_PASSWORD_POLICY };

describe('Set password on the account page', () => {
  it('gives live policy feedback, asks "must change at next sign-in" (ticked), and sends it with the password', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<AccountAccessPanel account={account} mayGrant />, { ...policy, 'portal-accounts:set-password': () => null });
    await user.click(screen.getByRole('button', { name: 'Set password…' }));
    const dialog = screen.getByRole('dialog', { name: 'Set the password of erik@example.com' });
    const password = within(dialog).getByLabelText('New password');
    expect(document.activeElement).toBe(password);
    await user.type(password, 'harbour');
    expect(await within(dialog).findByText('Rules not met yet: 3')).toBeTruthy();
    await user.type(password, '-Light-61');
    expect(await within(dialog).findByText('The password meets the policy.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Repeat the new password'), 'harbour-Light-61');
    const mustChange = within(dialog).getByRole('checkbox', { name: 'Must choose a new password at the next sign-in' }) as HTMLInputElement;
    expect(mustChange.checked).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Set password' }));
    await waitFor(() => expect(fake.callsTo('portal-accounts:set-password')).toEqual([{ id: 4, password: 'harbour-Light-61', mustChangePassword: true }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(messages()).toEqual(['Password of erik@example.com set.']);
  });

  it('shows the core’s refusal next to the password and keeps everything typed; a repeat that differs is said next to it and sends nothing', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<AccountAccessPanel account={account} mayGrant />, {
      ...policy,
      'portal-accounts:set-password': () => {
        throw new AppError('VALIDATION', 'weak', { fields: { password: { code: 'weak_password' } } });
      },
    });
    await user.click(screen.getByRole('button', { name: 'Set password…' }));
    const dialog = screen.getByRole('dialog');
    const password = within(dialog).getByLabelText('New password') as HTMLInputElement;
    const repeat = within(dialog).getByLabelText('Repeat the new password') as HTMLInputElement;
    await user.type(password, 'Lantern-Orbit-42');
    await user.type(repeat, 'Lantern-Orbit-43');
    await user.click(within(dialog).getByRole('checkbox', { name: /Must choose a new password/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Set password' }));
    expect(await within(dialog).findByText('The passwords do not match.')).toBeTruthy();
    expect(repeat.getAttribute('aria-invalid')).toBe('true');
    expect(repeat.getAttribute('aria-describedby')).toContain(within(dialog).getByText('The passwords do not match.').id);
    expect(fake.callsTo('portal-accounts:set-password')).toEqual([]);

    await user.clear(repeat);
    await user.type(repeat, 'Lantern-Orbit-42');
    await user.click(within(dialog).getByRole('button', { name: 'Set password' }));
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText('This password is too weak.')).toBeTruthy();
    expect(fake.callsTo('portal-accounts:set-password')).toEqual([{ id: 4, password: 'Lantern-Orbit-42', mustChangePassword: false }]);
    expect(password.value).toBe('Lantern-Orbit-42');
    expect(repeat.value).toBe('Lantern-Orbit-42');
    expect((within(dialog).getByRole('checkbox', { name: /Must choose a new password/ }) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('dialog')).toBe(dialog);
  });

  it('shows that the customer must choose a new password, and the account’s two-step method', () => {
    renderWithApp(<AccountAccessPanel account={{ ...account, mustChangePassword: true, twoStepMethod: 'totp' }} mayGrant />, {});
    expect(screen.getByText(/must choose a new password at the next sign-in/)).toBeTruthy();
    expect(screen.getByText('Two-step login').nextElementSibling?.textContent).toBe('Authenticator app');
  });
});

describe('Send set-password link on the account page', () => {
  it('says who gets the link and for how long, sends it and says until when it is valid', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<AccountAccessPanel account={account} mayGrant />, {
      'activation-settings:get': () => ({ ...DEFAULT_ACTIVATION_SETTINGS, portalUrl: 'https://portal.example.com/', setPasswordHours: 48, logo: null }),
      'portal-accounts:send-set-password-link': () => ({ expiresAt: '2026-12-07T09:00:00.000Z' }),
    });
    await user.click(screen.getByRole('button', { name: 'Send set-password link…' }));
    const dialog = screen.getByRole('dialog', { name: 'Send a set-password link' });
    expect((await within(dialog).findByText(/gets a mail/)).textContent).toContain('erik@example.com gets a mail with a link to choose a new password, valid for 48 hours.');
    expect(within(dialog).queryByRole('alert')).toBeNull();
    const sendButton = within(dialog).getByRole('button', { name: 'Send link' }) as HTMLButtonElement;
    await user.click(sendButton);
    await waitFor(() => expect(fake.callsTo('portal-accounts:send-set-password-link')).toEqual([{ id: 4 }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(messages()[0]).toMatch(/^Set-password link sent to erik@example\.com; valid until .*2026/);
  });

  it('without a portal address says so, offers Settings and sends nothing; a deactivated account is not offered the link', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<AccountAccessPanel account={account} mayGrant />, {
      'activation-settings:get': () => ({ ...DEFAULT_ACTIVATION_SETTINGS, portalUrl: '', logo: null }),
      'portal-accounts:send-set-password-link': () => ({ expiresAt: '2026-12-07T09:00:00.000Z' }),
    });
    await user.click(screen.getByRole('button', { name: 'Send set-password link…' }));
    const dialog = screen.getByRole('dialog');
    expect((await within(dialog).findByRole('alert')).textContent).toContain('The portal address is not set, so the link would lead nowhere.');
    expect((within(dialog).getByRole('button', { name: 'Send link' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(dialog).getByRole('button', { name: 'Open settings' })).toBeTruthy();
    expect(fake.callsTo('portal-accounts:send-set-password-link')).toEqual([]);
    cleanup();

    renderWithApp(<AccountAccessPanel account={{ ...account, active: false, status: 'deactivated' }} mayGrant />, {});
    expect(screen.queryByRole('button', { name: 'Send set-password link…' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Set password…' })).toBeTruthy();
  });

  it('offers neither password action to staff who may not grant access', () => {
    renderWithApp(<AccountAccessPanel account={account} mayGrant={false} />, {});
    expect(screen.queryByRole('button', { name: 'Set password…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send set-password link…' })).toBeNull();
  });
});
