// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { useAuditFilters } from '../../../renderer/src/features/audit/audit-filter-store';
import { useAccountListStore } from '../../../renderer/src/features/portal-accounts/account-list-store';
import { useDisplayLanguage } from '../../../renderer/src/features/session/display-language-store';
import type { StaffMember } from '../../../shared/api/staff';
import { AppError } from '../../../shared/errors';
import { staffMember } from './support/fixtures';
import { renderWithApp } from './support/render-app';

beforeEach(() => {
  window.history.replaceState(null, '', '/#/');
  useDisplayLanguage.setState({ override: null });
});
afterEach(cleanup);

const valueOf = (el: HTMLElement) => (el as HTMLInputElement).value;
const signedOut = { 'session:current': () => null, 'setup:status': () => ({ needsAdministrator: false, defaultLanguage: 'en' as const }) };

async function typeCredentials(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('sign-in', () => {
  it('on INVALID_CREDENTIALS shows the reason as an alert and keeps what was typed', async () => {
    renderWithApp(<App />, {
      ...signedOut,
      'session:sign-in': () => {
        throw new AppError('INVALID_CREDENTIALS', 'no');
      },
    });
    await typeCredentials('ada@example.com', 'wrong password!');
    expect((await screen.findByRole('alert')).textContent).toBe('The email address or password is not correct.');
    expect(valueOf(screen.getByLabelText('Email'))).toBe('ada@example.com');
    expect(valueOf(screen.getByLabelText('Password'))).toBe('wrong password!');
  });

  it('on RATE_LIMITED says how many seconds to wait', async () => {
    renderWithApp(<App />, {
      ...signedOut,
      'session:sign-in': () => {
        throw new AppError('RATE_LIMITED', 'wait', { params: { seconds: 42 } });
      },
    });
    await typeCredentials('ada@example.com', 'guess');
    expect((await screen.findByRole('alert')).textContent).toContain('Please wait 42 seconds');
  });

  it('shows the app with the user name and the administrator navigation once signed in', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let me: StaffMember | null = null;
    const { fake } = renderWithApp(<App />, {
      ...signedOut,
      'session:current': () => me,
      'session:sign-in': async () => {
        await gate;
        me = staffMember({ name: 'Ada Administrator' });
        return me;
      },
      'organisations:list': () => ({ rows: [], total: 0 }),
    });
    await typeCredentials('ada@example.com', 'correct horse battery');
    // The button is disabled while the sign-in is on its way, so a double click sends one request.
    await waitFor(() => expect((screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement).disabled).toBe(true));
    release();
    expect(await screen.findByText('Signed in as Ada Administrator')).toBeTruthy();
    for (const name of ['Organisations', 'Persons', 'Staff', 'Audit log', 'Settings']) {
      expect(screen.getByRole('link', { name })).toBeTruthy();
    }
    expect(fake.callsTo('session:sign-in')).toEqual([{ email: 'ada@example.com', password: 'correct horse battery' }]);
  });

  it('on sign-out forgets what the user had searched and filtered, in every registered store', async () => {
    const user = userEvent.setup();
    let me: StaffMember | null = staffMember();
    const { fake } = renderWithApp(<App />, {
      ...signedOut,
      'session:current': () => me,
      'session:sign-in': () => (me = staffMember({ id: 2, name: 'Bea' })),
      'session:sign-out': () => {
        me = null;
        return null;
      },
      'organisations:list': () => ({ rows: [], total: 0 }),
    });
    await user.type(await screen.findByLabelText('Search'), 'Köln');
    await waitFor(() => expect(fake.callsTo('organisations:list').at(-1)).toMatchObject({ search: 'Köln' }));
    useAccountListStore.getState().set({ search: 'jansen', filter: 'invited' });
    useAuditFilters.getState().setFilter('entity', 'portal-account');
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('button', { name: 'Sign in' });
    expect(useAccountListStore.getState()).toMatchObject({ search: '', filter: 'all' });
    expect(useAuditFilters.getState().entity).toBe('');
    // The next user's organisation list starts without the search.
    window.history.replaceState(null, '', '/#/organisations');
    await typeCredentials('bea@example.com', 'correct horse battery');
    expect(valueOf(await screen.findByLabelText('Search'))).toBe('');
    expect(fake.callsTo('organisations:list').at(-1)).toMatchObject({ search: '' });
  });

  it('hides Staff and Audit log from staff who are not administrators', async () => {
    renderWithApp(<App />, {
      'session:current': () => staffMember({ role: 'staff', name: 'Sam Staff' }),
      'setup:status': signedOut['setup:status'],
      'organisations:list': () => ({ rows: [], total: 0 }),
    });
    expect(await screen.findByRole('link', { name: 'Persons' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Staff' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Audit log' })).toBeNull();
  });

  it('asks for the first administrator when there is none yet', async () => {
    renderWithApp(<App />, { 'session:current': () => null, 'setup:status': () => ({ needsAdministrator: true, defaultLanguage: 'en' }) });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Create the first administrator');
  });

  it('explains a page opened without the key instead of hanging on "Loading…"', async () => {
    renderWithApp(<App />, {
      'session:current': () => {
        throw new AppError('FORBIDDEN', 'x', { params: { transport: 'key' } });
      },
      'setup:status': () => {
        throw new AppError('FORBIDDEN', 'x', { params: { transport: 'key' } });
      },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('#key=');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
