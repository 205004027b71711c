// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useNotifications } from '../../../renderer/src/components/notification-store';
import { AccountSessions } from '../../../renderer/src/features/portal-accounts/AccountSessions';
import { browserOf } from '../../../renderer/src/features/portal-accounts/user-agent';
import type { PortalSessionView } from '../../../shared/api/portal-account-sessions';
import { portalAccount } from './support/fixtures';
import { renderWithApp } from './support/render-app';

beforeEach(() => useNotifications.setState({ notifications: [] }));
afterEach(cleanup);

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

const session = (id: number, overrides: Partial<PortalSessionView> = {}): PortalSessionView => ({
  id,
  stage: 'signed-in',
  startedAt: '2026-12-05T09:00:00.000Z',
  lastUsedAt: '2026-12-05T09:20:00.000Z',
  endsAt: '2026-12-05T21:00:00.000Z',
  clientAddress: '198.51.100.20',
  userAgent: FIREFOX,
  ...overrides,
});

describe("an account's portal sessions", () => {
  it('lists each open session with its start, last use, address and a readable browser, then ends them all after confirming', async () => {
    const user = userEvent.setup();
    let open = [session(1), session(2, { stage: 'two-step', clientAddress: '203.0.113.7', userAgent: IPHONE })];
    const account = portalAccount({ id: 4, username: 'erik@example.com' });
    const { fake } = renderWithApp(<AccountSessions account={account} mayGrant />, {
      'portal-accounts:sessions': () => open,
      'portal-accounts:end-sessions': () => {
        const ended = open.length;
        open = [];
        return { ended };
      },
    });
    const table = await screen.findByRole('table', { name: 'Portal sessions' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[0] as HTMLElement).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Started', 'Last used', 'Address', 'Browser']);
    expect(rows[1]?.textContent).toContain('198.51.100.20');
    expect(within(rows[1] as HTMLElement).getByText('Firefox · Windows').getAttribute('title')).toBe(FIREFOX);
    expect(rows[2]?.textContent).toContain('waiting for the second step');
    expect(rows[2]?.textContent).toContain('Safari · iOS');

    await user.click(screen.getByRole('button', { name: 'End all sessions…' }));
    const dialog = screen.getByRole('dialog', { name: 'End all portal sessions' });
    expect(dialog.textContent).toContain('Sign erik@example.com out of the portal everywhere?');
    // Nothing happens before the confirmation; Cancel ends nothing.
    expect(fake.callsTo('portal-accounts:end-sessions')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'End all sessions' }));
    await waitFor(() => expect(fake.callsTo('portal-accounts:end-sessions')).toEqual([{ id: 4 }]));
    expect(useNotifications.getState().notifications.map((n) => n.message)).toEqual(['2 sessions of erik@example.com ended.']);
    expect(await screen.findByText('No open sessions.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('button', { name: 'End all sessions…' })).toBeNull();
  });

  it('cancels without ending anything, and offers no "End all sessions" to staff who may not grant access', async () => {
    const user = userEvent.setup();
    const handlers = { 'portal-accounts:sessions': () => [session(1)], 'portal-accounts:end-sessions': () => ({ ended: 1 }) };
    const { fake } = renderWithApp(<AccountSessions account={portalAccount({ id: 4 })} mayGrant />, handlers);
    await user.click(await screen.findByRole('button', { name: 'End all sessions…' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.callsTo('portal-accounts:end-sessions')).toEqual([]);
    cleanup();

    renderWithApp(<AccountSessions account={portalAccount({ id: 4 })} mayGrant={false} />, handlers);
    expect(await screen.findByRole('table', { name: 'Portal sessions' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /End all sessions/ })).toBeNull();
  });

  it('in German: headings, the empty state and the browser fallback translated', async () => {
    renderWithApp(<AccountSessions account={portalAccount({ id: 4 })} mayGrant />, { 'portal-accounts:sessions': () => [] }, { language: 'de' });
    expect(await screen.findByText('Keine offenen Sitzungen.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Portal-Sitzungen' })).toBeTruthy();
  });
});

describe('browserOf', () => {
  it('names the common browsers and systems, Edge and Opera before the Chrome they also claim to be', () => {
    expect(browserOf(FIREFOX)).toBe('Firefox · Windows');
    expect(browserOf(IPHONE)).toBe('Safari · iOS');
    expect(browserOf('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36')).toBe('Chrome · Linux');
    expect(browserOf('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0')).toBe('Edge · Windows');
    expect(browserOf('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0')).toBe('Opera · macOS');
    expect(browserOf('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36')).toBe('Chrome · Android');
    expect(browserOf('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36')).toBe('Chrome · Linux');
    expect(browserOf('curl/8.5.0')).toBeNull();
    expect(browserOf('')).toBeNull();
  });
});
