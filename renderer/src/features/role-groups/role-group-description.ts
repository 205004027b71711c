import type { TFunction } from 'i18next';
import type { RoleGroup } from '../../../../shared/api/role-groups';
import { BUILT_IN_ROLE_GROUPS } from '../../../../shared/permissions';

/** A built-in group whose description is still the shipped one: its text follows the UI language. */
export function isShippedDescription(group: Pick<RoleGroup, 'builtInKey' | 'description'>): boolean {
  const shipped = BUILT_IN_ROLE_GROUPS.find((g) => g.key === group.builtInKey);
  return shipped !== undefined && group.description === shipped.description;
}

/** The description to show: translated for a built-in group nobody re-worded, else as an administrator wrote it. */
export function roleGroupDescription(t: TFunction, group: Pick<RoleGroup, 'builtInKey' | 'description'>): string {
  if (group.builtInKey && isShippedDescription(group)) return t(`roleGroups.builtInDescriptions.${group.builtInKey}`);
  return group.description ?? '';
}
