// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ACTIVATION_SETTINGS } from '../../../shared/api/activation-settings';
import { AppError } from '../../../shared/errors';
import { ActivateDialog } from '../../../renderer/src/features/portal-accounts/ActivateDialog';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

const ids = Array.from({ length: 130 }, (_, i) => i + 1);

describe('the activation dialog', () => {
  it('says who gets a mail in which language and who is skipped why, then sends in chunks with progress', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<ActivateDialog accounts={{ ids }} onClose={() => undefined} />, {
      'portal-accounts:preview-activation': (input) =>
        input.ids.map((id) => ({ accountId: id, username: `user${id}@example.com`, language: id === 1 ? ('de' as const) : ('nl' as const), outcome: id === 130 ? ('skipped_inactive' as const) : ('sent' as const) })),
      'portal-accounts:send-activation': (input) => input.ids.map((id) => ({ accountId: id, outcome: 'sent' as const, expiresAt: '2026-12-01T10:00:00.000Z' })),
    });
    expect(await screen.findByText(/Activation mails with a link go to these 129 addresses/)).toBeTruthy();
    expect(screen.getByText('user1@example.com').parentElement?.textContent).toContain('German');
    expect(screen.getByText('user130@example.com').parentElement?.textContent).toContain('the account is deactivated');
    await user.click(screen.getByRole('button', { name: 'Send 129 activations' }));
    await screen.findByText('Activations sent: 129 of 129.');
    const calls = fake.callsTo('portal-accounts:send-activation') as { ids: number[] }[];
    expect(calls.map((c) => c.ids.length)).toEqual([100, 29]);
    expect(calls.flatMap((c) => c.ids)).not.toContain(130);
  });

  it('previews every account the list shows by its filter, and says plainly when they are too many for one run', async () => {
    const user = userEvent.setup();
    const matching = { filter: { filter: 'invitation_expired' as const, search: 'brouwerij' }, exceptIds: [4] };
    const { fake } = renderWithApp(<ActivateDialog accounts={{ matching, count: 3 }} onClose={() => undefined} />, {
      'portal-accounts:preview-activation-matching': () => [1, 2, 3].map((id) => ({ accountId: id, username: `user${id}@example.com`, language: 'en' as const, outcome: 'sent' as const })),
      'portal-accounts:send-activation': (input) => input.ids.map((id) => ({ accountId: id, outcome: 'sent' as const, expiresAt: '2026-12-01T10:00:00.000Z' })),
    });
    expect(screen.getByRole('dialog', { name: 'Activate 3 accounts' })).toBeTruthy();
    await screen.findByText(/go to these 3 addresses/);
    expect(fake.callsTo('portal-accounts:preview-activation-matching')).toEqual([matching]);
    expect(fake.callsTo('portal-accounts:preview-activation')).toEqual([]);
    // What is sent is what was previewed and confirmed, by id.
    await user.click(screen.getByRole('button', { name: 'Send 3 activations' }));
    await screen.findByText('Activations sent: 3 of 3.');
    expect(fake.callsTo('portal-accounts:send-activation')).toEqual([{ ids: [1, 2, 3] }]);
    cleanup();

    renderWithApp(<ActivateDialog accounts={{ matching }} onClose={() => undefined} />, {
      'portal-accounts:preview-activation-matching': () => {
        throw new AppError('VALIDATION', 'More than 10000 accounts match.', { fields: { filter: { code: 'too_many', max: 10_000 } } });
      },
    });
    expect(screen.getByRole('dialog', { name: 'Activate accounts' })).toBeTruthy();
    expect((await screen.findByRole('alert')).textContent).toBe('At most 10,000 accounts can be activated at once: narrow the list first.');
    expect((screen.getByRole('button', { name: /^Send/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('names the account the database refused after sending, beside the count of those that went', async () => {
    const user = userEvent.setup();
    renderWithApp(<ActivateDialog accounts={{ ids: [1, 2, 3] }} onClose={() => undefined} />, {
      'portal-accounts:preview-activation': (input) => input.ids.map((id) => ({ accountId: id, username: `user${id}@example.com`, language: 'en' as const, outcome: 'sent' as const })),
      'portal-accounts:send-activation': (input) =>
        input.ids.map((id) => (id === 2 ? { accountId: id, outcome: 'failed' as const, expiresAt: null } : { accountId: id, outcome: 'sent' as const, expiresAt: '2026-12-01T10:00:00.000Z' })),
    });
    await user.click(await screen.findByRole('button', { name: 'Send 3 activations' }));
    await screen.findByText('Activations sent: 2 of 3.');
    expect(screen.getByText('Not sent:')).toBeTruthy();
    const notSent = screen.getByRole('list', { name: 'Not sent' });
    expect(notSent.textContent).toContain('user2@example.com');
    expect(notSent.textContent).toContain('could not be sent: the database refused it, nothing was changed for this account');
    expect(notSent.textContent).not.toContain('user1@example.com');
  });

  it('sends nothing when every account would be skipped', async () => {
    const { fake } = renderWithApp(<ActivateDialog accounts={{ ids: [7] }} onClose={() => undefined} />, {
      'portal-accounts:preview-activation': () => [{ accountId: 7, username: 'x@example.com', language: 'en' as const, outcome: 'skipped_activated' as const }],
    });
    expect(await screen.findByText(/already has access/)).toBeTruthy();
    await waitFor(() => expect((screen.getByRole('button', { name: /^Send/ }) as HTMLButtonElement).disabled).toBe(true));
    expect(fake.callsTo('portal-accounts:send-activation')).toHaveLength(0);
  });

  it('says the portal address is not set, offers Settings and sends nothing', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/accounts';
    let closed = false;
    const { fake } = renderWithApp(<ActivateDialog accounts={{ ids: [7] }} onClose={() => (closed = true)} />, {
      'portal-accounts:preview-activation': () => [{ accountId: 7, username: 'x@example.com', language: 'en' as const, outcome: 'sent' as const }],
      'activation-settings:get': () => ({ ...DEFAULT_ACTIVATION_SETTINGS, portalUrl: '', logo: null }),
    });
    expect((await screen.findByRole('alert')).textContent).toContain('The portal address is not set');
    expect((screen.getByRole('button', { name: 'Send activation' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(closed).toBe(true);
    expect(window.location.hash).toBe('#/settings');
    expect(fake.callsTo('portal-accounts:send-activation')).toHaveLength(0);
  });
});
