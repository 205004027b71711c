import type { PortalMe } from '../../../shared/portal-api/session';
import { AppError } from '../../../shared/errors';
import type { SessionSlot } from '../auth/session';
import type { CoreDeps } from '../context';
import type { PortalAccountPrincipal } from '../principal';
import { hashToken } from '../activation/account-secrets';
import { readThrough } from '../db/read-cache';
import { readSettings } from '../settings/settings-service';
import { accountPermissions, actingChoices } from './portal-acting';
import { groupsRequireTwoStep, setPortalSessionActing } from './portal-session-repository';
import { liveSession, portalPrincipal } from './portal-principal';

/** The signed-in account as the portal's pages show it, or null; every page asks, so it is read again only after a change (read-cache.ts). */
export async function portalMe(deps: CoreDeps, session: SessionSlot): Promise<PortalMe | null> {
  const token = session.portal?.token;
  if (!token) return null;
  return readThrough(deps, `portal-me:${hashToken(token)}`, () => readPortalMe(deps, session));
}

async function readPortalMe(deps: CoreDeps, session: SessionSlot): Promise<PortalMe | null> {
  const principal = await portalPrincipal(deps, session);
  const row = principal ? await liveSession(deps, session) : null;
  if (!principal || !row) return null;
  const choices = await actingChoices(deps.db, principal.accountId);
  const acting = choices.find((c) => c.organisationId === principal.organisationId && c.personId === principal.personId);
  if (!acting) return null;
  const { defaultLanguage } = await readSettings(deps.db);
  const organisations = [...new Map(choices.map((c) => [c.organisationId, { id: c.organisationId, name: c.organisationName }])).values()];
  return {
    accountId: principal.accountId,
    username: row.username,
    language: row.language === 'default' ? defaultLanguage : row.language,
    organisation: { id: acting.organisationId, name: acting.organisationName },
    organisations,
    personName: acting.personName,
    permissions: await accountPermissions(deps.db, principal.accountId),
    mustChangePassword: row.mustChangePassword === 1,
    mustSetUpTwoStep: row.twoStepMethod === null && (await groupsRequireTwoStep(deps.db, principal.accountId)),
  };
}

/** Acts for another organisation the account may act for (its first link to it, or an umbrella's child). */
export async function switchOrganisation(deps: CoreDeps, session: SessionSlot, principal: PortalAccountPrincipal, organisationId: number): Promise<PortalMe> {
  const choice = (await actingChoices(deps.db, principal.accountId)).find((c) => c.organisationId === organisationId);
  const row = await liveSession(deps, session);
  if (!choice || !row) throw new AppError('NOT_FOUND', 'This organisation is not one you may act for.', { fields: { organisationId: { code: 'not_found' } } });
  await setPortalSessionActing(deps.db, row.id, choice.organisationId, choice.personId);
  const me = await portalMe(deps, session);
  if (!me) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  return me;
}
