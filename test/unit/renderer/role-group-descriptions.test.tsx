// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { RoleGroupsScreen } from '../../../renderer/src/features/role-groups/RoleGroupsScreen';
import type { RoleGroup } from '../../../shared/api/role-groups';
import { BUILT_IN_ROLE_GROUPS } from '../../../shared/permissions';
import { staffMember } from './support/fixtures';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

const AT = '2026-01-01T00:00:00.000Z';
const group = (id: number, name: string, overrides: Partial<RoleGroup>): RoleGroup => ({
  id,
  name,
  description: null,
  builtIn: false,
  builtInKey: null,
  permissions: ['tickets.read'],
  requiresTwoStep: false,
  accountCount: 0,
  createdAt: AT,
  updatedAt: AT,
  ...overrides,
});
const shipped = (key: string) => BUILT_IN_ROLE_GROUPS.find((g) => g.key === key)?.description ?? '';

it('shows built-in role groups\' shipped descriptions in the UI language, and one an administrator re-worded as written', async () => {
  const groups = [
    group(1, 'Standard', { builtIn: true, builtInKey: 'standard', description: shipped('standard') }),
    // Renamed, description untouched: still the built-in text, translated.
    group(2, 'Klant', { builtIn: true, builtInKey: 'client', description: shipped('client') }),
    group(3, 'Partner', { builtIn: true, builtInKey: 'partner', description: 'Onze partners in Utrecht.' }),
    group(4, 'Lezers', { description: shipped('standard') }),
  ];
  renderWithApp(<RoleGroupsScreen me={staffMember()} />, { 'role-groups:list': () => groups }, { language: 'nl' });
  expect(await screen.findByText('Dashboard en tickets inzien.')).toBeTruthy();
  expect(screen.getByText('Ziet tickets, documenten en rapportages.')).toBeTruthy();
  expect(screen.getByText('Onze partners in Utrecht.')).toBeTruthy();
  // A group administrators made keeps its own text, even if it matches a shipped one.
  expect(screen.getAllByText('Dashboard and reading tickets.')).toHaveLength(1);
  expect(screen.queryByText('Reads tickets, documents and reports.')).toBeNull();
});
