import { describe, expect, it } from 'vitest';
import { hrefOf, parseHash, type Route } from '../../../renderer/src/router/routes';

describe('hash routes', () => {
  const routes: Route[] = [
    { name: 'organisations' },
    { name: 'organisation', id: 12 },
    { name: 'organisation', id: 'new' },
    { name: 'hours-report', organisationId: 12 },
    { name: 'persons' },
    { name: 'person', id: 5 },
    { name: 'person', id: 'new', organisationId: 12 },
    { name: 'staff' },
    { name: 'staff-member', id: 'new' },
    { name: 'audit' },
    { name: 'audit', record: { entity: 'portal-account', id: 4 } },
    { name: 'settings' },
    { name: 'projects' },
    { name: 'project', id: 8 },
    { name: 'view-as', contact: { personId: 5 } },
    { name: 'view-as', contact: { accountId: 4, organisationId: 12 } },
    { name: 'view-as', contact: { accountId: 4 } },
    { name: 'access-review' },
    { name: 'office-database' },
  ];

  it.each(routes)('reads back what it writes: %o', (route) => {
    expect(parseHash(hrefOf(route))).toEqual(route);
  });

  it.each(['', '#', '#/', '#/nowhere', '#/organisations/abc', '#/organisations/0', '#/persons/1/2', '#/hours/new', '#/hours', '#/projects/new', '#key=secret', '#/view-as', '#/view-as?person=0', '#/view-as?person=1&account=2'])(
    'lands on the organisations list for %j',
    (hash) => {
      expect(parseHash(hash)).toEqual({ name: 'organisations' });
    },
  );
});
