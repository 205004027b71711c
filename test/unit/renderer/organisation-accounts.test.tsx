// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { OrganisationPage } from '../../../renderer/src/features/organisations/OrganisationPage';
import type { PortalAccountRow } from '../../../shared/api/portal-accounts';
import { emptyPage, organisation, staffMember } from './support/fixtures';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

const row = (id: number, username: string, personName: string | null): PortalAccountRow => ({
  id,
  username,
  nickname: null,
  personName,
  organisations: ['Brouwerij De Ster'],
  roleGroups: ['Standaard'],
  active: true,
  status: 'no_access',
  activationSentAt: null,
  activationSentByName: null,
  activationExpiresAt: null,
  activatedAt: null,
  lastSignInAt: null,
  twoStepMethod: null,
});

it("an organisation's page lists the portal accounts linked to it, and its history for administrators", async () => {
  const { fake } = renderWithApp(
    <OrganisationPage id={7} />,
    {
      'session:current': () => staffMember(),
      'organisations:get': () => organisation({ id: 7, name: 'Brouwerij De Ster' }),
      'organisations:list': () => emptyPage,
      'persons:list': () => emptyPage,
      'portal-accounts:list': () => ({ rows: [row(4, 'anna@example.com', 'Anna Jansen'), row(5, 'info@ster.example', null)], total: 52, totalExact: true }),
    },
    { language: 'nl' },
  );
  const panel = (await screen.findByRole('heading', { name: 'Portalaccounts' })).closest('section');
  if (!panel) throw new Error('no accounts panel');
  expect((await within(panel).findByRole('link', { name: 'anna@example.com' })).getAttribute('href')).toBe('#/accounts/4');
  expect(panel.textContent).toContain('anna@example.com (Anna Jansen)');
  expect(within(panel).getByRole('link', { name: 'info@ster.example' })).toBeTruthy();
  expect(panel.textContent).toContain('…en nog 50.');
  expect(fake.callsTo('portal-accounts:list')).toContainEqual(expect.objectContaining({ organisationId: 7 }));
  expect((await screen.findByRole('link', { name: 'Geschiedenis' })).getAttribute('href')).toBe('#/audit?entity=organisation&id=7');
});
