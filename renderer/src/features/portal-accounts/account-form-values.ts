import type { ContactLanguage } from '../../../../shared/api/common';
import type { InputOf } from '../../../../shared/api';
import type { PortalAccount } from '../../../../shared/api/portal-accounts';
import type { OrganisationRef } from '../organisations/OrganisationPicker';

/** One organisation link as the form holds it. `key` keeps React rows stable while links change. */
export interface LinkValue {
  key: number;
  organisation: OrganisationRef | null;
  personId: number | null;
  isDefault: boolean;
}

/** What the account form holds while the user types. */
export interface AccountFormValues {
  username: string;
  nickname: string;
  description: string;
  recoveryEmail: string;
  language: ContactLanguage;
  active: boolean;
  password: string;
  links: LinkValue[];
  roleGroupIds: number[];
}

let nextKey = 1;
export const newLink = (organisation: OrganisationRef | null, personId: number | null, isDefault: boolean): LinkValue => ({
  key: nextKey++,
  organisation,
  personId,
  isDefault,
});

export interface AccountPreset {
  username: string;
  organisation: OrganisationRef | null;
  personId: number | null;
}

export function emptyAccount(preset: AccountPreset | null, roleGroupIds: number[] = []): AccountFormValues {
  return {
    username: preset?.username ?? '',
    nickname: '',
    description: '',
    recoveryEmail: '',
    language: 'default',
    active: true,
    password: '',
    links: [newLink(preset?.organisation ?? null, preset?.personId ?? null, true)],
    roleGroupIds,
  };
}

export function accountToForm(a: PortalAccount): AccountFormValues {
  return {
    username: a.username,
    nickname: a.nickname ?? '',
    description: a.description ?? '',
    recoveryEmail: a.recoveryEmail ?? '',
    language: a.language,
    active: a.active,
    password: '',
    links: a.links.map((l) => newLink({ id: l.organisationId, name: l.organisationName }, l.personId, l.isDefault)),
    roleGroupIds: [...a.roleGroupIds],
  };
}

/** Links without a chosen organisation are left out; the core then says what is missing. */
function linksOf(v: AccountFormValues) {
  return v.links.flatMap((l) => (l.organisation ? [{ organisationId: l.organisation.id, personId: l.personId, isDefault: l.isDefault }] : []));
}

export function formToCreate(v: AccountFormValues): InputOf<'portal-accounts:create'> {
  return {
    username: v.username,
    nickname: v.nickname,
    description: v.description,
    recoveryEmail: v.recoveryEmail,
    language: v.language,
    active: v.active,
    password: v.password === '' ? null : v.password,
    links: linksOf(v),
    roleGroupIds: v.roleGroupIds,
  };
}

export function formToUpdate(id: number, v: AccountFormValues): InputOf<'portal-accounts:update'> {
  return { id, nickname: v.nickname, description: v.description, recoveryEmail: v.recoveryEmail, language: v.language, links: linksOf(v), roleGroupIds: v.roleGroupIds };
}

/** Exactly one default: making one the default clears the others; removing the default passes it on. */
export function setDefaultLink(links: readonly LinkValue[], key: number): LinkValue[] {
  return links.map((l) => ({ ...l, isDefault: l.key === key }));
}

export function removeLink(links: readonly LinkValue[], key: number): LinkValue[] {
  const rest = links.filter((l) => l.key !== key);
  if (rest.length > 0 && !rest.some((l) => l.isDefault)) return setDefaultLink(rest, rest[0]?.key ?? 0);
  return rest;
}
