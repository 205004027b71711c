// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useNotifications } from '../../../renderer/src/components/notification-store';
import { resetSessionStores } from '../../../renderer/src/components/session-stores';
import { PortalAccountsScreen } from '../../../renderer/src/features/portal-accounts/PortalAccountsScreen';
import type { InputOf } from '../../../shared/api';
import { ACCOUNT_COLUMNS, type PortalAccountRow } from '../../../shared/api/portal-accounts';
import type { StaffMember } from '../../../shared/api/staff';
import { portalAccount, staffMember } from './support/fixtures';
import type { FakeHandlers } from './support/fake-transport';
import { renderWithApp } from './support/render-app';

/*
 * happy-dom has no layout: every element measures 0 x 0, so a virtualised list would show
 * no rows. The scroll container's size is faked (600 px high) so the real virtualiser runs;
 * the same list is scrolled in real Chromium by test/e2e/portal-accounts.spec.ts.
 */
const realSize = {
  clientHeight: Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight'),
  clientWidth: Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth'),
};
function fakeSize(name: 'clientHeight' | 'clientWidth', value: number) {
  Object.defineProperty(HTMLElement.prototype, name, {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('table-wrap--scroll') ? value : (realSize[name]?.get?.call(this) as number | undefined) ?? 0;
    },
  });
}
beforeEach(() => {
  window.history.replaceState(null, '', '/#/accounts');
  resetSessionStores();
  fakeSize('clientHeight', 600);
  fakeSize('clientWidth', 1000);
});
afterEach(() => {
  cleanup();
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
});

const row = (id: number, overrides: Partial<PortalAccountRow> = {}): PortalAccountRow => ({
  id,
  username: `user${id}@example.com`,
  nickname: id === 1 ? 'The first' : null,
  personName: `Person ${id}`,
  organisations: ['Brouwerij De Ster'],
  roleGroups: ['Client'],
  active: true,
  status: 'no_access',
  activationSentAt: null,
  activationSentByName: null,
  activationExpiresAt: null,
  activatedAt: null,
  lastSignInAt: null,
  twoStepMethod: null,
  ...overrides,
});

function renderScreen(me: StaffMember = staffMember(), more: FakeHandlers = {}) {
  let columns = [...ACCOUNT_COLUMNS];
  return renderWithApp(<PortalAccountsScreen me={me} />, {
    'portal-accounts:list': (input) => {
      const offset = input.offset ?? 0;
      const rows = Array.from({ length: Math.max(0, Math.min(100, 250 - offset)) }, (_, i) => row(offset + i + 1, offset + i === 2 ? { active: false, status: 'deactivated' } : {}));
      return { rows, total: 250, totalExact: true };
    },
    'preferences:get-account-columns': () => columns,
    'preferences:set-account-columns': (input) => {
      columns = [...input.columns];
      return columns;
    },
    'portal-accounts:set-active': (input) => portalAccount({ id: input.id, active: input.active, status: input.active ? 'no_access' : 'deactivated' }),
    ...more,
  });
}

const lastList = (calls: unknown[]) => calls[calls.length - 1] as InputOf<'portal-accounts:list'>;
const rowOf = (username: string) => screen.getByText(username).closest('tr') as HTMLElement;

describe('the portal account list (layout faked: happy-dom has none)', () => {
  it('shows the total and only the rows in view, fetching pages of 100 from the core', async () => {
    const { fake } = renderScreen();
    await screen.findByText('user1@example.com');
    expect(screen.getByText('250 accounts')).toBeTruthy();
    expect(lastList(fake.callsTo('portal-accounts:list'))).toMatchObject({ offset: 0, limit: 100, sort: 'username', filter: 'all' });
    // Virtualised: far fewer rows in the DOM than the 250 accounts.
    expect(screen.getAllByRole('row').length).toBeLessThan(60);
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('251');
  });

  it('filters with the quick filters and the status, and sorts in the core', async () => {
    const user = userEvent.setup();
    const { fake } = renderScreen();
    await screen.findByText('user1@example.com');
    await user.click(screen.getByRole('button', { name: 'Invitation expired' }));
    await waitFor(() => expect(lastList(fake.callsTo('portal-accounts:list'))).toMatchObject({ filter: 'invitation_expired' }));
    expect(screen.getByRole('button', { name: 'Invitation expired' }).getAttribute('aria-pressed')).toBe('true');
    await user.selectOptions(screen.getByLabelText('Status'), 'locked');
    await waitFor(() => expect(lastList(fake.callsTo('portal-accounts:list'))).toMatchObject({ filter: 'invitation_expired', status: 'locked' }));
    await user.click(screen.getByRole('button', { name: /Last sign-in/ }));
    await waitFor(() => expect(lastList(fake.callsTo('portal-accounts:list'))).toMatchObject({ sort: 'lastSignInAt', direction: 'asc' }));
  });

  it('keeps the last count on screen while a new filter loads, never "0 accounts", and formats counts', async () => {
    let release: (() => void) | null = null;
    renderWithApp(<PortalAccountsScreen me={staffMember()} />, {
      'portal-accounts:list': async (input) => {
        if (input.filter === 'activated') await new Promise<void>((resolve) => (release = resolve));
        const total = input.filter === 'activated' ? 7 : 100_039;
        const offset = input.offset ?? 0;
        return { rows: Array.from({ length: Math.min(100, total - offset) }, (_, i) => row(offset + i + 1)), total, totalExact: true };
      },
      'preferences:get-account-columns': () => [...ACCOUNT_COLUMNS],
    });
    await screen.findByText('user1@example.com');
    expect(screen.getByText(/100,039 accounts/)).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Activated' }).find((b) => b.hasAttribute('aria-pressed')) as HTMLElement);
    await waitFor(() => expect(release).not.toBeNull());
    // Before: the table was remounted for the new filter and said "0 accounts" until the core answered.
    expect(screen.queryByText(/^0 accounts/)).toBeNull();
    expect(screen.getByText(/100,039 accounts/)).toBeTruthy();
    (release as unknown as () => void)();
    await screen.findByText(/^7 accounts/);
  });

  it('says "more than 10,000 accounts" for a broad search and counts them all on demand', async () => {
    const { fake } = renderWithApp(<PortalAccountsScreen me={staffMember()} />, {
      'portal-accounts:list': (input) => {
        const offset = input.offset ?? 0;
        const rows = Array.from({ length: 100 }, (_, i) => row(offset + i + 1));
        return input.exactTotal ? { rows, total: 51_382, totalExact: true } : { rows, total: 10_000, totalExact: false };
      },
      'preferences:get-account-columns': () => [...ACCOUNT_COLUMNS],
    });
    await screen.findByText('more than 10,000 accounts');
    fireEvent.click(screen.getByRole('button', { name: 'Count all' }));
    await screen.findByText('51,382 accounts');
    expect(lastList(fake.callsTo('portal-accounts:list'))).toMatchObject({ exactTotal: true });
    expect(screen.queryByRole('button', { name: 'Count all' })).toBeNull();
  });

  it('selects with click, Ctrl+click and Shift+click', async () => {
    renderScreen();
    await screen.findByText('user1@example.com');
    fireEvent.click(rowOf('user2@example.com'));
    fireEvent.click(rowOf('user5@example.com'), { shiftKey: true });
    const selected = () => screen.getAllByRole('row').filter((r) => r.getAttribute('aria-selected') === 'true').map((r) => within(r).getAllByRole('cell')[0]?.textContent);
    expect(selected()).toEqual(['user2@example.com', 'user3@example.com', 'user4@example.com', 'user5@example.com']);
    fireEvent.click(rowOf('user3@example.com'), { ctrlKey: true });
    expect(selected()).toEqual(['user2@example.com', 'user4@example.com', 'user5@example.com']);
    expect(screen.getByText(/3 selected/)).toBeTruthy();
  });

  it('no longer counts selected rows that an action took out of the list', async () => {
    let shown = [1, 2, 3, 4, 5];
    renderWithApp(<PortalAccountsScreen me={staffMember()} />, {
      'portal-accounts:list': () => ({ rows: shown.map((id) => row(id)), total: shown.length, totalExact: true }),
      'preferences:get-account-columns': () => [...ACCOUNT_COLUMNS],
      // Deactivating user5 also takes user2 and user3 out of what the list shows (as activating does under "never invited").
      'portal-accounts:set-active': (input) => {
        shown = shown.filter((id) => id !== 2 && id !== 3);
        return portalAccount({ id: input.id, active: input.active, status: 'deactivated' });
      },
    });
    await screen.findByText('user1@example.com');
    fireEvent.click(rowOf('user1@example.com'));
    fireEvent.click(rowOf('user3@example.com'), { shiftKey: true });
    expect(screen.getByText(/5 accounts · 3 selected/)).toBeTruthy();
    const grid = screen.getByRole('group', { name: 'Portal accounts' });
    grid.focus();
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'F10', shiftKey: true });
    const menu = await screen.findByRole('menu', { name: 'Actions for user5@example.com' });
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Deactivate' }));
    await screen.findByText(/3 accounts · 1 selected/);
    expect(rowOf('user1@example.com').getAttribute('aria-selected')).toBe('true');
    expect(screen.queryByText('user2@example.com')).toBeNull();
  });

  it('moves with the keyboard and opens the context menu with Shift+F10, whose Deactivate calls the core', async () => {
    const { fake } = renderScreen();
    await screen.findByText('user1@example.com');
    const grid = screen.getByRole('group', { name: 'Portal accounts' });
    grid.focus();
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(grid.getAttribute('aria-activedescendant')).toBe(rowOf('user2@example.com').id);
    fireEvent.keyDown(grid, { key: ' ' });
    expect(rowOf('user2@example.com').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(grid, { key: 'F10', shiftKey: true });
    const menu = await screen.findByRole('menu', { name: 'Actions for user2@example.com' });
    expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Open', 'Activate account…', 'Deactivate', 'Delete…']);
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Deactivate' }));
    await waitFor(() => expect(fake.callsTo('portal-accounts:set-active')).toEqual([{ id: 2, active: false }]));
    await waitFor(() => expect(useNotifications.getState().notifications.map((n) => n.message)).toContain('Portal account user2@example.com deactivated.'));
  });

  it('offers Reactivate for a deactivated account on right-click, and acts on the whole selection', async () => {
    const { fake } = renderScreen();
    await screen.findByText('user1@example.com');
    fireEvent.click(rowOf('user2@example.com'));
    fireEvent.click(rowOf('user3@example.com'), { ctrlKey: true });
    fireEvent.contextMenu(rowOf('user3@example.com'), { clientX: 50, clientY: 60 });
    const menu = await screen.findByRole('menu', { name: 'Actions for 2 accounts' });
    expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Activate account…', 'Deactivate', 'Reactivate', 'Delete…']);
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Reactivate' }));
    await waitFor(() => expect(fake.callsTo('portal-accounts:set-active')).toEqual([{ id: 3, active: true }]));
  });

  it('shows staff who may not grant access the actions disabled, with the reason', async () => {
    renderScreen(staffMember({ role: 'staff', mayGrantAccess: false }));
    await screen.findByText('user1@example.com');
    expect(screen.queryByRole('button', { name: 'New portal account' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Import accounts…' })).toBeNull();
    expect(screen.getByText(/You can see portal accounts but not change them/)).toBeTruthy();
    fireEvent.contextMenu(rowOf('user1@example.com'), { clientX: 5, clientY: 5 });
    const deactivate = await screen.findByRole('menuitem', { name: /Deactivate/ });
    expect(deactivate.getAttribute('aria-disabled')).toBe('true');
    expect(deactivate.getAttribute('title')).toMatch(/Only administrators and staff who may grant portal access/);
  });

  it('resends to every expired invitation from the "Invitation expired" filter, previewing them all by that filter', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<PortalAccountsScreen me={staffMember()} />, {
      'portal-accounts:list': (input) => {
        const rows = input.filter === 'invitation_expired' ? Array.from({ length: Math.max(0, Math.min(100, 620 - (input.offset ?? 0))) }, (_, i) => row((input.offset ?? 0) + i + 1, { status: 'invitation_expired' })) : [row(1)];
        return { rows, total: input.filter === 'invitation_expired' ? 620 : 1, totalExact: true };
      },
      'preferences:get-account-columns': () => [...ACCOUNT_COLUMNS],
      'portal-accounts:preview-activation-matching': () => Array.from({ length: 620 }, (_, i) => ({ accountId: i + 1, username: `user${i + 1}@example.com`, language: 'en' as const, outcome: 'sent' as const })),
    });
    await screen.findByText('user1@example.com');
    expect(screen.queryByRole('button', { name: 'Resend to all expired…' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Invitation expired' }));
    await user.click(await screen.findByRole('button', { name: 'Resend to all expired…' }));
    expect(await screen.findByRole('dialog', { name: 'Activate 620 accounts' })).toBeTruthy();
    await screen.findByText(/go to these 620 addresses/);
    // The core finds them: no ids go out, and the renderer does not page through the list for them.
    expect(fake.callsTo('portal-accounts:preview-activation-matching')).toEqual([{ filter: { filter: 'invitation_expired' }, exceptIds: [] }]);
    expect(fake.callsTo('portal-accounts:preview-activation')).toEqual([]);
    expect((fake.callsTo('portal-accounts:list') as InputOf<'portal-accounts:list'>[]).every((c) => (c.offset ?? 0) === 0)).toBe(true);
  });

  it('selects every row of the list with Ctrl+A, loaded or not, and deactivates them by the filter in steps, bar the unticked row', async () => {
    const { fake } = renderScreen(staffMember(), {
      'portal-accounts:set-active-matching': (input) => {
        const after = input.afterId ?? 0;
        const limit = input.limit ?? 100;
        const ids = Array.from({ length: 250 }, (_, i) => i + 1).filter((id) => id > after && !(input.exceptIds ?? []).includes(id)).slice(0, limit);
        return {
          total: after === 0 ? 249 : null,
          outcomes: ids.map((id) => ({ accountId: id, outcome: id === 3 ? ('unchanged' as const) : ('changed' as const), error: null })),
          nextAfterId: ids.length === limit ? (ids.at(-1) ?? null) : null,
        };
      },
    });
    await screen.findByText('user1@example.com');
    const grid = screen.getByRole('group', { name: 'Portal accounts' });
    grid.focus();
    fireEvent.keyDown(grid, { key: 'a', ctrlKey: true });
    await screen.findByText(/250 selected/);
    // Only the first page was ever fetched: Ctrl+A no longer loads every row.
    expect((fake.callsTo('portal-accounts:list') as InputOf<'portal-accounts:list'>[]).every((c) => (c.offset ?? 0) === 0)).toBe(true);
    expect(rowOf('user5@example.com').getAttribute('aria-selected')).toBe('true');
    fireEvent.click(rowOf('user2@example.com'), { ctrlKey: true });
    expect(rowOf('user2@example.com').getAttribute('aria-selected')).toBe('false');
    expect(screen.getByText(/249 selected/)).toBeTruthy();

    fireEvent.contextMenu(rowOf('user5@example.com'), { clientX: 50, clientY: 60 });
    const menu = await screen.findByRole('menu', { name: 'Actions for 249 accounts' });
    expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Activate account…', 'Deactivate', 'Reactivate', 'Delete…']);
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Deactivate' }));
    await waitFor(() => expect(useNotifications.getState().notifications.map((n) => n.message)).toContain('248 of 248 accounts changed.'));
    const steps = fake.callsTo('portal-accounts:set-active-matching') as InputOf<'portal-accounts:set-active-matching'>[];
    expect(steps.map((c) => c.afterId)).toEqual([0, 101, 201]);
    expect(steps[0]).toEqual({ filter: { search: '', filter: 'all' }, exceptIds: [2], active: false, afterId: 0, limit: 100 });
    expect(fake.callsTo('portal-accounts:set-active')).toEqual([]);
    // Done with: what the list shows next is not what was chosen.
    expect(screen.queryByText(/selected/)).toBeNull();
  });

  it('deletes every row of the list by the filter after saying how many', async () => {
    const { fake } = renderScreen(staffMember(), {
      'portal-accounts:delete-matching': () => ({ total: 250, outcomes: [{ accountId: 1, outcome: 'failed', error: { code: 'NOT_FOUND', message: 'gone' } }], nextAfterId: null }),
    });
    await screen.findByText('user1@example.com');
    const grid = screen.getByRole('group', { name: 'Portal accounts' });
    grid.focus();
    fireEvent.keyDown(grid, { key: 'a', ctrlKey: true });
    await screen.findByText(/250 selected/);
    fireEvent.keyDown(grid, { key: 'Delete' });
    const dialog = await screen.findByRole('dialog', { name: 'Delete portal accounts' });
    expect(dialog.textContent).toContain('Delete 250 portal accounts?');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete 250 portal accounts' }));
    await waitFor(() => expect(fake.callsTo('portal-accounts:delete-matching')).toEqual([{ filter: { search: '', filter: 'all' }, exceptIds: [], afterId: 0, limit: 100 }]));
    await waitFor(() => expect(useNotifications.getState().notifications.map((n) => n.message)).toContain('1 accounts could not be changed: This record no longer exists. Someone may have deleted it.'));
  });

  it('remembers the chosen columns through the core', async () => {
    const user = userEvent.setup();
    const { fake } = renderScreen();
    await screen.findByText('user1@example.com');
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(screen.getByRole('checkbox', { name: 'Role groups' }));
    await waitFor(() => expect(fake.callsTo('preferences:set-account-columns')).toHaveLength(1));
    expect((fake.callsTo('preferences:set-account-columns')[0] as { columns: string[] }).columns).not.toContain('roleGroups');
    await waitFor(() => expect(screen.queryByRole('columnheader', { name: 'Role groups' })).toBeNull());
    expect((screen.getByRole('checkbox', { name: 'Username' }) as HTMLInputElement).disabled).toBe(true);
  });

  it('opens "Import accounts…" from the list for staff who may grant access', async () => {
    const user = userEvent.setup();
    renderScreen();
    await screen.findByText('user1@example.com');
    await user.click(screen.getByRole('button', { name: 'Import accounts…' }));
    expect(screen.getByRole('dialog', { name: 'Import portal accounts' })).toBeTruthy();
    expect(screen.getByLabelText('CSV file')).toBeTruthy();
  });

  it('shows the nickname column, which the column chooser can hide', async () => {
    const user = userEvent.setup();
    renderScreen();
    await screen.findByText('user1@example.com');
    expect(screen.getByRole('columnheader', { name: 'Nickname' })).toBeTruthy();
    expect(screen.getByText('The first')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(screen.getByRole('checkbox', { name: 'Nickname' }));
    await waitFor(() => expect(screen.queryByRole('columnheader', { name: 'Nickname' })).toBeNull());
  });

  it('shows each account’s two-step login (none, authenticator app, SMS) and its last portal sign-in', async () => {
    const METHODS = [null, 'totp', 'sms'] as const;
    renderScreen(staffMember(), {
      'portal-accounts:list': (input) => {
        const offset = input.offset ?? 0;
        const rows = Array.from({ length: Math.max(0, Math.min(100, 3 - offset)) }, (_, i) =>
          row(i + 1, { twoStepMethod: METHODS[i] ?? null, lastSignInAt: i === 1 ? '2026-12-05T09:00:00.000Z' : null }),
        );
        return { rows, total: 3, totalExact: true };
      },
    });
    await screen.findByText('user1@example.com');
    const header = screen.getByRole('columnheader', { name: 'Two-step' });
    const column = [...(header.parentElement?.children ?? [])].indexOf(header);
    const cell = (username: string) => rowOf(username).children[column]?.textContent;
    expect([cell('user1@example.com'), cell('user2@example.com'), cell('user3@example.com')]).toEqual(['None', 'Authenticator app', 'SMS']);
    const signIn = [...(header.parentElement?.children ?? [])].indexOf(screen.getByRole('columnheader', { name: /Last sign-in/ }));
    expect(rowOf('user2@example.com').children[signIn]?.textContent).toContain('2026');
    expect(rowOf('user1@example.com').children[signIn]?.textContent).toBe('');
  });
});
