import { describe, expect, it } from 'vitest';
import { emptyAccount, formToCreate, newLink, removeLink, setDefaultLink } from '../../../renderer/src/features/portal-accounts/account-form-values';

describe('account form values', () => {
  it('keep exactly one default link when the default changes or is removed', () => {
    const a = newLink({ id: 1, name: 'A' }, null, true);
    const b = newLink({ id: 2, name: 'B' }, 5, false);
    const c = newLink({ id: 3, name: 'C' }, null, false);
    const switched = setDefaultLink([a, b, c], b.key);
    expect(switched.map((l) => l.isDefault)).toEqual([false, true, false]);
    const removed = removeLink(switched, b.key);
    expect(removed.map((l) => [l.organisation?.id, l.isDefault])).toEqual([
      [1, true],
      [3, false],
    ]);
    expect(removeLink([a, c], c.key).map((l) => l.isDefault)).toEqual([true]);
  });

  it('prefill from a person and send no password when none was typed', () => {
    const values = emptyAccount({ username: 'anna@example.com', organisation: { id: 4, name: 'Org' }, personId: 9 }, [2]);
    expect(formToCreate(values)).toMatchObject({
      username: 'anna@example.com',
      password: null,
      links: [{ organisationId: 4, personId: 9, isDefault: true }],
      roleGroupIds: [2],
    });
  });

  it('leave links without an organisation out, so the core reports what is missing', () => {
    const values = { ...emptyAccount(null), links: [newLink(null, null, true)] };
    expect(formToCreate(values).links).toEqual([]);
  });
});
