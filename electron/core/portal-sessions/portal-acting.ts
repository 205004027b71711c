import { isStaffOnlyPermission } from '../../../shared/permissions';
import type { Executor } from '../db/connection';
import { findAccountLinks, findAccountPermissionKeys, findChildOrganisations } from './portal-session-repository';

/** One organisation (and person) a portal account may act for. */
export interface ActingChoice {
  organisationId: number;
  organisationName: string;
  /** The link's person (the account acts as them), or null for the whole organisation. */
  personId: number | null;
  personName: string | null;
  isDefault: boolean;
}

/** The account's effective permission keys (staff-only powers never count for a customer). */
export async function accountPermissions(db: Executor, accountId: number): Promise<string[]> {
  return (await findAccountPermissionKeys(db, accountId)).filter((key) => !isStaffOnlyPermission(key));
}

/**
 * What the account may act for: each of its links (organisation + optional person), and, with
 * the umbrella permission, every organisation under a linked umbrella, for the whole
 * organisation (no person: a person belongs to one organisation). The default link first.
 */
export async function actingChoices(db: Executor, accountId: number): Promise<ActingChoice[]> {
  const links = await findAccountLinks(db, accountId);
  const choices: ActingChoice[] = links.map((l) => ({
    organisationId: l.organisationId,
    organisationName: l.organisationName,
    personId: l.personId,
    personName: l.personId === null ? null : [l.firstName, l.lastName].filter(Boolean).join(' '),
    isDefault: l.isDefault === 1,
  }));
  if (!(await accountPermissions(db, accountId)).includes('umbrella.switch')) return choices;
  const linked = new Set(choices.map((c) => c.organisationId));
  for (const child of await findChildOrganisations(db, [...linked])) {
    if (!linked.has(child.id)) choices.push({ organisationId: child.id, organisationName: child.name, personId: null, personName: null, isDefault: false });
    linked.add(child.id);
  }
  return choices;
}
