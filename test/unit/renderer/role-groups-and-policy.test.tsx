// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { PasswordFeedback } from '../../../renderer/src/components/PasswordFeedback';
import { PasswordPolicySection } from '../../../renderer/src/features/password-policy/PasswordPolicyForm';
import { DeleteRoleGroupDialog } from '../../../renderer/src/features/role-groups/DeleteRoleGroupDialog';
import { PermissionChecklist } from '../../../renderer/src/features/role-groups/PermissionChecklist';
import { groupState, setGroup } from '../../../renderer/src/features/role-groups/permission-checklist';
import { DEFAULT_PASSWORD_POLICY, NIST_PASSWORD_POLICY } from '../../../shared/api/password-policy';
import type { RoleGroup } from '../../../shared/api/role-groups';
import { AppError } from '../../../shared/errors';
import type { PermissionKey } from '../../../shared/permissions';
import { staffMember } from './support/fixtures';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

const group = (id: number, name: string, accountCount: number): RoleGroup => ({
  id,
  name,
  description: null,
  builtIn: false,
  builtInKey: null,
  permissions: ['tickets.read'],
  requiresTwoStep: false,
  accountCount,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('password feedback', () => {
  it('flips each rule as the password changes, counting characters as people see them', async () => {
    function Harness() {
      const [password, setPassword] = useState('');
      return (
        <>
          <input aria-label="Password" value={password} onChange={(e) => setPassword(e.target.value)} />
          <PasswordFeedback password={password} context={{}} policy={DEFAULT_PASSWORD_POLICY} />
        </>
      );
    }
    renderWithApp(<Harness />, {});
    const input = screen.getByLabelText('Password');
    const rule = (text: string) => screen.getByText(text).closest('li')?.className;
    fireEvent.change(input, { target: { value: 'abc' } });
    expect(rule('At least 8 characters')).toContain('rule--unmet');
    expect(rule('An upper-case letter')).toContain('rule--unmet');
    expect(screen.getByText('Rules not met yet: 3')).toBeTruthy();
    // "E" + combining acute is one character: eight UTF-16 units but seven characters, still too short.
    fireEvent.change(input, { target: { value: 'E\u0301tagèr7' } });
    expect(rule('At least 8 characters')).toContain('rule--unmet');
    expect(rule('An upper-case letter')).toContain('rule--met');
    fireEvent.change(input, { target: { value: 'E\u0301tagères7' } });
    expect(rule('At least 8 characters')).toContain('rule--met');
    expect(screen.getByText('The password meets the policy.')).toBeTruthy();
  });

  it('names common passwords and context words, and shows only the rules of the policy', () => {
    renderWithApp(<PasswordFeedback password="Brouwerij-2026-xyz" context={{ organisationNames: ['Brouwerij De Ster'] }} policy={NIST_PASSWORD_POLICY} />, {});
    expect(screen.queryByText('An upper-case letter')).toBeNull();
    expect(screen.getByText('Does not contain the username or organisation name').closest('li')?.className).toContain('rule--unmet');
  });
});

describe('the permission checklist', () => {
  it('selects a whole group with its tri-state toggle, never the staff-only powers', () => {
    expect(groupState('tickets', ['tickets.read'])).toBe('some');
    const all = setGroup('tickets', ['dashboard'], true);
    expect(all).toContain('dashboard');
    expect(all).not.toContain('tickets.close_any');
    expect(groupState('tickets', all)).toBe('all');
    expect(setGroup('tickets', all, false)).toEqual(['dashboard']);

    let value: PermissionKey[] = ['tickets.read'];
    const view = renderWithApp(<PermissionChecklist value={value} onChange={(v) => (value = v)} disabled={false} />, {});
    const toggle = screen.getByRole('checkbox', { name: 'All of Tickets' }) as HTMLInputElement;
    expect(toggle.indeterminate).toBe(true);
    expect(toggle.getAttribute('aria-checked')).toBe('mixed');
    fireEvent.click(toggle);
    expect(value).toContain('tickets.comment');
    expect(value).not.toContain('tickets.view_all_in_project');
    view.rerender(<PermissionChecklist value={value} onChange={(v) => (value = v)} disabled={false} />);
    const staffOnly = screen.getByRole('checkbox', { name: /See every ticket of a project/ }) as HTMLInputElement;
    expect(staffOnly.disabled).toBe(true);
    expect(staffOnly.checked).toBe(false);
    expect(screen.getAllByText('Staff-only power: cannot be given to customers.').length).toBe(2);
  });
});

describe('deleting a role group in use', () => {
  it('requires a group to move the accounts to, and sends it', async () => {
    const user = userEvent.setup();
    const groups = [group(1, 'Readers', 3), group(2, 'Writers', 0)];
    const { fake } = renderWithApp(<DeleteRoleGroupDialog group={groups[0] as RoleGroup} groups={groups} onDone={() => undefined} />, {
      'role-groups:delete': () => null,
    });
    expect(screen.getByText(/3 portal accounts are in Readers/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Move accounts and delete' }));
    expect(fake.callsTo('role-groups:delete')).toHaveLength(0);
    expect(screen.getByLabelText('Move the accounts to').getAttribute('aria-invalid')).toBe('true');
    await user.selectOptions(screen.getByLabelText('Move the accounts to'), '2');
    await user.click(screen.getByRole('button', { name: 'Move accounts and delete' }));
    await waitFor(() => expect(fake.callsTo('role-groups:delete')).toEqual([{ id: 1, moveAccountsTo: 2 }]));
  });

  it('shows the core’s refusal in the dialog', async () => {
    const user = userEvent.setup();
    const groups = [group(1, 'Readers', 0)];
    renderWithApp(<DeleteRoleGroupDialog group={groups[0] as RoleGroup} groups={groups} onDone={() => undefined} />, {
      'role-groups:delete': () => {
        throw new AppError('IN_USE', 'in use');
      },
    });
    await user.click(screen.getByRole('button', { name: 'Delete role group' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});

describe('the password policy settings', () => {
  it('fill from the NIST preset, refuse a maximum under 64 next to the field without sending or losing input', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<PasswordPolicySection me={staffMember()} />, {
      'password-policy:get': () => DEFAULT_PASSWORD_POLICY,
      'password-policy:update': (input) => ({ ...DEFAULT_PASSWORD_POLICY, ...input }),
    });
    await user.click(await screen.findByRole('button', { name: /NIST 800-63B/ }));
    expect((screen.getByLabelText('Minimum length') as HTMLInputElement).value).toBe('15');
    expect((screen.getByRole('checkbox', { name: 'Needs an upper-case letter' }) as HTMLInputElement).checked).toBe(false);
    await user.clear(screen.getByLabelText('Maximum length'));
    await user.type(screen.getByLabelText('Maximum length'), '40');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(fake.callsTo('password-policy:update')).toHaveLength(0);
    expect(screen.getByLabelText('Maximum length').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByLabelText('Maximum length') as HTMLInputElement).value).toBe('40');
    await user.clear(screen.getByLabelText('Maximum length'));
    await user.type(screen.getByLabelText('Maximum length'), '200');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.callsTo('password-policy:update')).toEqual([{ ...NIST_PASSWORD_POLICY, maxLength: 200 }]));
  });

  it('is read-only for staff', async () => {
    renderWithApp(<PasswordPolicySection me={staffMember({ role: 'staff', mayGrantAccess: true })} />, { 'password-policy:get': () => DEFAULT_PASSWORD_POLICY });
    expect(await screen.findByText('Only administrators can change the password policy.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.getByLabelText('Minimum length').closest('fieldset')?.disabled).toBe(true);
  });
});
