import { create } from 'zustand';
import { resetOnSignOut } from '../../components/session-stores';
import type { OrganisationRef } from '../organisations/OrganisationPicker';

export type ProjectKind = 'all' | 'customer' | 'internal';

interface ProjectFilterState {
  organisation: OrganisationRef | null;
  kind: ProjectKind;
  includeArchived: boolean;
  set: (patch: Partial<Omit<ProjectFilterState, 'set'>>) => void;
}

/** The project list's filters (search, order and page live in list-state); kept while the user goes to a project and back. */
export const useProjectFilterStore = resetOnSignOut(
  create<ProjectFilterState>((set) => ({
    organisation: null,
    kind: 'all',
    includeArchived: false,
    set: (patch) => set(patch),
  })),
);

/** The core's `internal` filter for a kind: true only internal, false only customers', absent both. */
export function internalFilter(kind: ProjectKind): { internal?: boolean } {
  return kind === 'all' ? {} : { internal: kind === 'internal' };
}
