import type { Organisation } from '../../../../shared/api/organisations';
import type { Person } from '../../../../shared/api/persons';
import type { PortalAccount } from '../../../../shared/api/portal-accounts';
import type { Project, Task } from '../../../../shared/api/projects';
import type { StaffMember } from '../../../../shared/api/staff';

const AT = '2025-03-14T09:26:53.000Z';

export function staffMember(overrides: Partial<StaffMember> = {}): StaffMember {
  return {
    id: 1,
    name: 'Ada Administrator',
    email: 'ada@example.com',
    role: 'administrator',
    mayGrantAccess: true,
    active: true,
    language: 'en',
    lastSignInAt: AT,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function organisation(overrides: Partial<Organisation> = {}): Organisation {
  return {
    id: 7,
    name: 'Bäckerei Müller GmbH',
    customerNumber: 'C-2001',
    addressLine1: 'Hohe Straße 1',
    addressLine2: null,
    postalCode: '50667',
    city: 'Köln',
    country: 'DE',
    language: 'default',
    internal: false,
    parentId: null,
    parentName: null,
    personCount: 0,
    childCount: 0,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function person(overrides: Partial<Person> = {}): Person {
  return {
    id: 3,
    organisationId: 7,
    organisationName: 'Bäckerei Müller GmbH',
    salutation: null,
    firstName: 'Jürgen',
    lastName: 'Größe',
    email: 'j.groesse@example.de',
    mobile: null,
    language: 'default',
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function portalAccount(overrides: Partial<PortalAccount> = {}): PortalAccount {
  const id = overrides.id ?? 1;
  return {
    id,
    username: `user${id}@example.com`,
    nickname: null,
    description: null,
    recoveryEmail: null,
    language: 'default',
    active: true,
    hasPassword: false,
    status: 'no_access',
    links: [{ organisationId: 1, organisationName: 'Brouwerij De Ster', personId: null, personName: null, isDefault: true }],
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
  };
}

export const emptyPage = { rows: [], total: 0 };

export function project(overrides: Partial<Project> = {}): Project {
  return {
    id: 41,
    name: 'Webshop',
    organisationId: 7,
    organisationName: 'Bäckerei Müller GmbH',
    internal: false,
    archived: false,
    taskCount: 0,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function task(overrides: Partial<Task> = {}): Task {
  return { id: 51, projectId: 41, projectName: 'Webshop', name: 'Design', archived: false, createdAt: AT, updatedAt: AT, ...overrides };
}
