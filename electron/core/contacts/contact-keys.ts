import { searchKey } from '../../../shared/text-key';

/**
 * The stored keys of organisations and persons (migration 0016): what search, name lookup
 * and sorting compare, since SQLite folds only ASCII case. Fields are joined by a newline,
 * which a key never contains, so a search never matches across two fields.
 */
const joinKeys = (parts: readonly (string | null | undefined)[]) =>
  parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map(searchKey)
    .join('\n');

export function organisationKeys(o: { name: string; customer_number: string | null; city: string | null }) {
  return { name_key: searchKey(o.name), search_key: joinKeys([o.name, o.customer_number, o.city]) };
}

/** name_key sorts by last name, then first name; the search key also holds "first last" so a full name is found. */
export function personKeys(p: { first_name: string | null; last_name: string; email: string | null }) {
  const fullName = [p.first_name, p.last_name].filter(Boolean).join(' ');
  return {
    name_key: searchKey([p.last_name, p.first_name].filter(Boolean).join(' ')),
    search_key: joinKeys([fullName, p.last_name, p.email]),
  };
}
