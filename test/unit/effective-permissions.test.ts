import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectivePermissions, type GrantingGroup } from '../../electron/core/portal-accounts/effective-permissions';
import { PERMISSION_KEYS, isStaffOnlyPermission, type PermissionKey } from '../../shared/permissions';

const customerKeys = PERMISSION_KEYS.filter((k) => !isStaffOnlyPermission(k));

const groupArb: fc.Arbitrary<GrantingGroup> = fc.record({
  id: fc.integer({ min: 1, max: 10_000 }),
  name: fc.string({ minLength: 1, maxLength: 12 }),
  permissions: fc.uniqueArray(fc.constantFrom<PermissionKey>(...PERMISSION_KEYS), { maxLength: PERMISSION_KEYS.length }),
});
const groupsArb = fc.uniqueArray(groupArb, { maxLength: 6, selector: (g) => g.id });

describe('effective permissions', () => {
  it('are exactly the union of the groups’ customer permissions', () => {
    fc.assert(
      fc.property(groupsArb, (groups) => {
        const result = effectivePermissions(groups, isStaffOnlyPermission).map((p) => p.key);
        const union = new Set(groups.flatMap((g) => g.permissions).filter((k) => !isStaffOnlyPermission(k)));
        expect(new Set(result)).toEqual(union);
        expect(result.length).toBe(union.size);
      }),
    );
  });

  it('name every group that grants a permission and no other', () => {
    fc.assert(
      fc.property(groupsArb, (groups) => {
        for (const { key, grantedBy } of effectivePermissions(groups, isStaffOnlyPermission)) {
          const expected = groups.filter((g) => g.permissions.includes(key)).map((g) => g.id);
          expect(grantedBy.map((g) => g.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
        }
      }),
    );
  });

  it('do not depend on the order of the groups, and follow the catalog order', () => {
    fc.assert(
      fc.property(groupsArb, (groups) => {
        const forward = effectivePermissions(groups, isStaffOnlyPermission);
        expect(effectivePermissions([...groups].reverse(), isStaffOnlyPermission)).toEqual(forward);
        const positions = forward.map((p) => customerKeys.indexOf(p.key));
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
      }),
    );
  });

  it('grow monotonically: adding a group never removes a permission', () => {
    fc.assert(
      fc.property(groupsArb, groupArb, (groups, extra) => {
        fc.pre(!groups.some((g) => g.id === extra.id));
        const before = effectivePermissions(groups, isStaffOnlyPermission).map((p) => p.key);
        const after = new Set(effectivePermissions([...groups, extra], isStaffOnlyPermission).map((p) => p.key));
        for (const key of before) expect(after.has(key)).toBe(true);
      }),
    );
  });

  it('never include a staff-only power, even when a group holds one', () => {
    const groups = [{ id: 1, name: 'Odd', permissions: ['tickets.close_any', 'tickets.read'] as PermissionKey[] }];
    expect(effectivePermissions(groups, isStaffOnlyPermission).map((p) => p.key)).toEqual(['tickets.read']);
  });
});
