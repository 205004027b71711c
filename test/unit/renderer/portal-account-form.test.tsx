// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PortalAccountPage } from '../../../renderer/src/features/portal-accounts/PortalAccountPage';
import type { InputOf } from '../../../shared/api';
import { DEFAULT_PASSWORD_POLICY } from '../../../shared/api/password-policy';
import type { PortalAccount } from '../../../shared/api/portal-accounts';
import type { RoleGroup } from '../../../shared/api/role-groups';
import { AppError } from '../../../shared/errors';
import { person, staffMember } from './support/fixtures';
import { renderWithApp } from './support/render-app';

beforeEach(() => window.history.replaceState(null, '', '/#/accounts/new?person=3'));
afterEach(cleanup);

const AT = '2026-11-01T10:00:00.000Z';
const groups: RoleGroup[] = [
  { id: 1, name: 'Client', description: 'Reads', builtIn: true, builtInKey: 'client', permissions: ['tickets.read'], requiresTwoStep: false, accountCount: 0, createdAt: AT, updatedAt: AT },
  { id: 2, name: 'Partner', description: null, builtIn: true, builtInKey: 'partner', permissions: ['members.view'], requiresTwoStep: false, accountCount: 0, createdAt: AT, updatedAt: AT },
];
const account = (overrides: Partial<PortalAccount> = {}): PortalAccount => ({
  id: 9,
  username: 'j.groesse@example.de',
  nickname: null,
  description: null,
  recoveryEmail: null,
  language: 'default',
  active: true,
  hasPassword: false,
  status: 'no_access',
  links: [{ organisationId: 7, organisationName: 'Bäckerei Müller GmbH', personId: 3, personName: 'Jürgen Größe', isDefault: true }],
  roleGroupIds: [1],
  activationSentAt: null,
  activationSentByName: null,
  activationExpiresAt: null,
  activatedAt: null,
  lastSignInAt: null,
  twoStepMethod: null,
  mustChangePassword: false,
  lockedUntil: null,
  createdAt: AT,
  updatedAt: AT,
  ...overrides,
});

const common = {
  'persons:get': () => person(),
  'persons:list': () => ({ rows: [person()], total: 1 }),
  'role-groups:list': () => groups,
  'password-policy:get': () => DEFAULT_PASSWORD_POLICY,
  'portal-accounts:effective-permissions': () => [{ key: 'tickets.read' as const, grantedBy: [{ id: 1, name: 'Client' }] }],
  'portal-accounts:sessions': () => [],
};

describe('the portal account form', () => {
  it('prefills from the person, shows the core’s field errors next to the fields and keeps what was typed', async () => {
    const user = userEvent.setup();
    let attempts = 0;
    const { fake } = renderWithApp(<PortalAccountPage id="new" personId={3} me={staffMember()} />, {
      ...common,
      'portal-accounts:create': () => {
        attempts += 1;
        if (attempts === 1) throw new AppError('CONFLICT', 'taken', { fields: { username: { code: 'taken' } } });
        return account();
      },
    });
    const username = (await screen.findByLabelText('Username (email)')) as HTMLInputElement;
    expect(username.value).toBe('j.groesse@example.de');
    expect(screen.getByText('Prefilled from Jürgen Größe.')).toBeTruthy();
    await user.click(await screen.findByRole('checkbox', { name: /^Client/ }));
    await user.type(screen.getByLabelText('Nickname'), 'Jürgen');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(username.getAttribute('aria-invalid')).toBe('true'));
    expect((screen.getByLabelText('Nickname') as HTMLInputElement).value).toBe('Jürgen');
    const sent = fake.callsTo('portal-accounts:create')[0] as InputOf<'portal-accounts:create'>;
    expect(sent).toMatchObject({ username: 'j.groesse@example.de', password: null, roleGroupIds: [1], links: [{ organisationId: 7, personId: 3, isDefault: true }] });
  });

  it('gives live password feedback from the policy when staff type a password', async () => {
    const user = userEvent.setup();
    renderWithApp(<PortalAccountPage id="new" me={staffMember()} />, common);
    await user.type(await screen.findByLabelText('Password (optional)'), 'abc');
    expect((await screen.findByText('At least 8 characters')).closest('li')?.className).toContain('rule--unmet');
  });

  it('shows an account read-only, with the reason, to staff who may not grant access', async () => {
    renderWithApp(<PortalAccountPage id={9} me={staffMember({ role: 'staff', mayGrantAccess: false })} />, { ...common, 'portal-accounts:get': () => account() });
    expect((await screen.findAllByText(/You can see portal accounts but not change them/)).length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Deactivate' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Change username…' })).toBeNull();
    expect(((await screen.findByRole('checkbox', { name: /^Client/ })).closest('fieldset') as HTMLFieldSetElement).disabled).toBe(true);
    expect(await screen.findByText('granted by Client')).toBeTruthy();
  });

  it('changes the username only after the dialog says what it breaks', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<PortalAccountPage id={9} me={staffMember()} />, {
      ...common,
      'portal-accounts:get': () => account(),
      'portal-accounts:change-username': (input) => account({ username: input.username }),
    });
    await user.click(await screen.findByRole('button', { name: 'Change username…' }));
    const dialog = screen.getByRole('dialog', { name: 'Change username' });
    expect(dialog.textContent).toMatch(/every open activation or reset link and every session of this account stops working/);
    const field = screen.getByLabelText('New username (email)');
    await user.clear(field);
    await user.type(field, 'juergen@example.de');
    await user.click(screen.getByRole('button', { name: 'Change username' }));
    await waitFor(() => expect(fake.callsTo('portal-accounts:change-username')).toEqual([{ id: 9, username: 'juergen@example.de' }]));
  });
});
