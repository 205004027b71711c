// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ActivationSettingsSection } from '../../../renderer/src/features/mail-settings/ActivationSettingsSection';
import { SmtpSettingsSection } from '../../../renderer/src/features/mail-settings/SmtpSettingsSection';
import { DEFAULT_ACTIVATION_SETTINGS } from '../../../shared/api/activation-settings';
import type { SmtpSettings } from '../../../shared/api/outbox';
import { staffMember } from './support/fixtures';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

const stored: SmtpSettings = {
  configured: true,
  host: 'mail.example.com',
  port: 587,
  tls: 'starttls',
  user: 'portier',
  passwordSet: true,
  senderAddress: 'portal@example.com',
  senderName: 'Example portal',
};

describe('the SMTP settings', () => {
  it('keep the stored password when the field is left empty, and remove it only when asked', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<SmtpSettingsSection me={staffMember()} />, {
      'smtp:get': () => stored,
      'smtp:update': () => stored,
    });
    const password = (await screen.findByLabelText('Password')) as HTMLInputElement;
    expect(password.type).toBe('password');
    expect(password.placeholder).toBe('stored — leave empty to keep');
    await user.clear(screen.getByLabelText('Sender name'));
    await user.type(screen.getByLabelText('Sender name'), 'Our portal');
    expect(screen.queryByText(/the stored password is removed/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.callsTo('smtp:update')).toHaveLength(1));
    const sent = fake.callsTo('smtp:update')[0] as Record<string, unknown>;
    expect(sent).not.toHaveProperty('password');
    expect(sent).toMatchObject({ host: 'mail.example.com', port: 587, tls: 'starttls', user: 'portier', senderName: 'Our portal' });

    await user.click(await screen.findByRole('checkbox', { name: 'Remove stored password' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.callsTo('smtp:update')).toHaveLength(2));
    expect(fake.callsTo('smtp:update')[1]).toMatchObject({ password: '' });
  });

  it('say that a changed server, port or encryption removes the stored password unless it is typed again', async () => {
    const user = userEvent.setup();
    renderWithApp(<SmtpSettingsSection me={staffMember()} />, { 'smtp:get': () => stored });
    const server = await screen.findByLabelText('Server');
    const notice = () => screen.queryByText(/the stored password is removed on saving/);
    await user.clear(server);
    await user.type(server, 'MAIL.example.com');
    expect(notice()).toBeNull();
    await user.type(server, '.evil');
    expect(notice()).not.toBeNull();
    await user.type(screen.getByLabelText('Password'), 'typed again');
    expect(notice()).toBeNull();
    await user.clear(screen.getByLabelText('Password'));
    await user.clear(server);
    await user.type(server, 'mail.example.com');
    const port = screen.getByLabelText('Port');
    await user.clear(port);
    await user.type(port, '465');
    expect(notice()).not.toBeNull();
  });

  it('refuse a bad port next to the field without sending or losing it', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<SmtpSettingsSection me={staffMember()} />, { 'smtp:get': () => stored });
    const port = await screen.findByLabelText('Port');
    await user.clear(port);
    await user.type(port, '99999');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(fake.callsTo('smtp:update')).toHaveLength(0);
    expect(port.getAttribute('aria-invalid')).toBe('true');
    expect((port as HTMLInputElement).value).toBe('99999');
  });

  it('show the server’s answer to a test mail, error and reply code included', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<SmtpSettingsSection me={staffMember()} />, {
      'smtp:get': () => stored,
      'smtp:test': () => ({ ok: false, error: '535 5.7.8 Authentication credentials invalid', responseCode: 535 }),
    });
    await user.type(await screen.findByLabelText('Send a test mail to'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Send test mail' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('535 5.7.8 Authentication credentials invalid');
    expect(alert.textContent).toContain('Reply code 535');
    expect(fake.callsTo('smtp:test')).toEqual([{ to: 'ada@example.com' }]);
  });

  it('is not even loaded for staff, who are told why', () => {
    const { fake } = renderWithApp(<SmtpSettingsSection me={staffMember({ role: 'staff' })} />, {});
    expect(screen.getByText('Only administrators can see and change the mail server.')).toBeTruthy();
    expect(screen.queryByLabelText('Server')).toBeNull();
    expect(fake.callsTo('smtp:get')).toHaveLength(0);
  });
});

describe('the activation settings', () => {
  it('refuse a portal address that is not a web address, keeping it, and save a good one', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<ActivationSettingsSection me={staffMember()} />, {
      'activation-settings:get': () => ({ ...DEFAULT_ACTIVATION_SETTINGS, logo: null }),
      'activation-settings:update': (input) => ({ companyCountry: 'NL', ...input }),
    });
    const url = await screen.findByLabelText('Portal address');
    await user.clear(url);
    await user.type(url, 'portal example');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(fake.callsTo('activation-settings:update')).toHaveLength(0);
    expect(url.getAttribute('aria-invalid')).toBe('true');
    await user.clear(url);
    await user.type(url, 'https://portal.example.com/');
    await user.clear(screen.getByLabelText('Activation valid for (days)'));
    await user.type(screen.getByLabelText('Activation valid for (days)'), '30');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(fake.callsTo('activation-settings:update')).toEqual([{ ...DEFAULT_ACTIVATION_SETTINGS, activationDays: 30, portalUrl: 'https://portal.example.com/' }]),
    );
  });

  it('pick the company country (for the letters’ country line) from the countries named in the UI language', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<ActivationSettingsSection me={staffMember()} />, {
      'activation-settings:get': () => ({ ...DEFAULT_ACTIVATION_SETTINGS, portalUrl: 'https://portal.example.com/', logo: null }),
      'activation-settings:update': (input) => ({ companyCountry: 'NL', ...input }),
    });
    const country = (await screen.findByLabelText('Company country')) as HTMLSelectElement;
    expect(country.value).toBe('NL');
    expect(country.selectedOptions[0]?.textContent).toBe('Netherlands');
    await user.selectOptions(country, 'DE');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(fake.callsTo('activation-settings:update')).toEqual([{ ...DEFAULT_ACTIVATION_SETTINGS, portalUrl: 'https://portal.example.com/', companyCountry: 'DE' }]),
    );
  });

  it('is read-only for staff, with the reason', async () => {
    renderWithApp(<ActivationSettingsSection me={staffMember({ role: 'staff' })} />, { 'activation-settings:get': () => ({ ...DEFAULT_ACTIVATION_SETTINGS, logo: null }) });
    expect(await screen.findByText('Only administrators can change these settings.')).toBeTruthy();
    expect((await screen.findByLabelText('Company name')).closest('fieldset')?.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });
});
