import type { CommandLine } from '../../core/portier-core';
import { isAppError } from '../../../shared/errors';
import { searchKey } from '../../../shared/text-key';

/** Looks up organisations, persons and role groups by what a person types: an id, a name, an email. */
export class ReferenceResolver {
  private groups: Map<string, number> | null = null;
  private readonly organisations = new Map<string, { id: number; name: string }>();

  constructor(private readonly cli: CommandLine) {}

  /**
   * An organisation by id, or by exact name with case and accents folded for all of Unicode
   * (shared/text-key.ts, as the core's search does: "ORSTED" names "Ørsted"); an ambiguous name is refused.
   */
  async organisation(reference: string): Promise<{ id: number; name: string }> {
    const key = searchKey(reference);
    if (!key) throw new Error('no organisation given');
    const cached = this.organisations.get(key);
    if (cached) return cached;
    let found: { id: number; name: string } | null = null;
    if (/^\d+$/.test(key)) {
      found = await this.organisationById(Number(key));
    }
    if (!found) {
      const page = await this.cli.call('organisations:list', { search: reference.trim().slice(0, 200), limit: 500 });
      const exact = page.rows.filter((o) => searchKey(o.name) === key);
      if (exact.length > 1) {
        throw new Error(`organisation name "${reference.trim()}" is ambiguous (ids ${exact.map((o) => o.id).join(', ')}); give the id`);
      }
      if (exact[0]) found = { id: exact[0].id, name: exact[0].name };
    }
    if (!found) throw new Error(`no organisation "${reference.trim()}"`);
    this.organisations.set(key, found);
    return found;
  }

  private async organisationById(id: number): Promise<{ id: number; name: string } | null> {
    try {
      const org = await this.cli.call('organisations:get', { id });
      return { id: org.id, name: org.name };
    } catch (error) {
      if (isAppError(error) && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  /** A person of this organisation, by id or by email (case-insensitive). */
  async person(reference: string, organisationId: number): Promise<number> {
    const ref = reference.trim();
    if (/^\d+$/.test(ref)) {
      const person = await this.cli.call('persons:get', { id: Number(ref) }).catch((error: unknown) => {
        if (isAppError(error) && error.code === 'NOT_FOUND') throw new Error(`no person with id ${ref}`);
        throw error;
      });
      if (person.organisationId !== organisationId) throw new Error(`person ${ref} belongs to another organisation (${person.organisationName})`);
      return person.id;
    }
    const key = ref.toLowerCase();
    const page = await this.cli.call('persons:list', { search: ref.slice(0, 200), organisationId, limit: 500 });
    const exact = page.rows.filter((p) => p.email?.trim().toLowerCase() === key);
    if (exact.length > 1) throw new Error(`person email ${ref} is ambiguous in this organisation (ids ${exact.map((p) => p.id).join(', ')}); give the id`);
    if (!exact[0]) throw new Error(`no person with email ${ref} in this organisation`);
    return exact[0].id;
  }

  /** Role groups by name, case and accents folded like organisation names. */
  async groupIds(names: readonly string[]): Promise<number[]> {
    if (!this.groups) {
      const groups = await this.cli.call('role-groups:list', {});
      this.groups = new Map(groups.map((g) => [searchKey(g.name), g.id]));
    }
    const known = this.groups;
    const missing = names.filter((n) => !known.has(searchKey(n)));
    if (missing.length > 0) throw new Error(`no role group ${missing.map((m) => `"${m}"`).join(', ')} (known: ${[...known.keys()].join(', ')})`);
    return [...new Set(names.map((n) => known.get(searchKey(n)) as number))];
  }
}

/** Given no group, an account goes into the built-in "Standard" group. */
export const DEFAULT_GROUP = 'Standard';
