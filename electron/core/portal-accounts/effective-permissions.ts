import type { PermissionKey } from '../../../shared/permissions';
import { PERMISSION_KEYS } from '../../../shared/permissions';

/** A group as far as effective permissions care. */
export interface GrantingGroup {
  id: number;
  name: string;
  permissions: readonly PermissionKey[];
}

export interface EffectivePermission {
  key: PermissionKey;
  grantedBy: { id: number; name: string }[];
}

/**
 * The union of the groups' permissions, in catalog order, each with every group
 * that grants it (by name). Staff-only powers never count, even if a group holds one.
 */
export function effectivePermissions(groups: readonly GrantingGroup[], isStaffOnly: (key: string) => boolean): EffectivePermission[] {
  const sorted = [...groups].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  return PERMISSION_KEYS.flatMap((key) => {
    if (isStaffOnly(key)) return [];
    const grantedBy = sorted.filter((g) => g.permissions.includes(key)).map((g) => ({ id: g.id, name: g.name }));
    return grantedBy.length > 0 ? [{ key, grantedBy }] : [];
  });
}
