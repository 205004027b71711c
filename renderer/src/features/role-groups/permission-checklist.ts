import { PERMISSIONS, type PermissionGroup, type PermissionKey } from '../../../../shared/permissions';

/** The permissions of one catalog group a customer group may hold (staff-only powers never). */
export const grantable = (group: PermissionGroup): PermissionKey[] => PERMISSIONS.filter((p) => p.group === group && !p.staffOnly).map((p) => p.key);

/** A group heading's "select all": checked, unchecked, or mixed. */
export function groupState(group: PermissionGroup, chosen: readonly PermissionKey[]): 'all' | 'none' | 'some' {
  const keys = grantable(group);
  const n = keys.filter((k) => chosen.includes(k)).length;
  return n === 0 ? 'none' : n === keys.length ? 'all' : 'some';
}

/** Ticks or clears every grantable permission of a group, leaving the others as they are. */
export function setGroup(group: PermissionGroup, chosen: readonly PermissionKey[], on: boolean): PermissionKey[] {
  const keys = grantable(group);
  const rest = chosen.filter((k) => !keys.includes(k));
  return on ? [...rest, ...keys] : rest;
}
