import { create } from 'zustand';
import { resetOnSignOut } from '../../components/session-stores';
import type { AuditEntity } from '../../../../shared/api/audit';

/** The audit screen's filters; empty strings mean "all". */
export interface AuditFilters {
  entity: AuditEntity | '';
  staffId: string;
  from: string;
  to: string;
  offset: number;
}

interface AuditFilterState extends AuditFilters {
  /** Any filter change starts again at the first page. */
  setFilter: <K extends Exclude<keyof AuditFilters, 'offset'>>(key: K, value: AuditFilters[K]) => void;
  setOffset: (offset: number) => void;
}

export const useAuditFilters = resetOnSignOut(
  create<AuditFilterState>((set) => ({
    entity: '',
    staffId: '',
    from: '',
    to: '',
    offset: 0,
    setFilter: (key, value) => set({ [key]: value, offset: 0 }),
    setOffset: (offset) => set({ offset: Math.max(0, offset) }),
  })),
);
