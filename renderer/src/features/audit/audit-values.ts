import type { TFunction } from 'i18next';
import { categoryNameKey, referenceKey, type AuditEntry, type AuditReferenceKind } from '../../../../shared/api/audit';
import { PERMISSIONS } from '../../../../shared/permissions';

/** How the audit screen formats: the UI language's dates and the permission labels of that language. */
export interface ValueFormat {
  t: TFunction;
  language: 'en' | 'nl' | 'de';
  dateTime: (iso: string) => string;
  /** A calendar day (yyyy-mm-dd) in the UI's locale. */
  day: (day: string) => string;
}

const LANGUAGE_FIELDS = new Set(['language', 'defaultLanguage']);
const DATE_FIELDS = new Set(['activatedAt', 'expiresAt']);
/** Shown as "changed", never as text: a password marker, a whole mail template's HTML. */
const CHANGED_ONLY = new Set(['password', 'html']);
const DAY_FIELDS = new Set(['workDate', 'purchasedOn']);
const REFERENCES: Record<string, AuditReferenceKind> = {
  parentId: 'organisation',
  organisationId: 'organisation',
  accountId: 'portal-account',
  // tickets, time entries, hour cards (issue 11)
  projectId: 'project',
  primaryProjectId: 'project',
  taskId: 'task',
  primaryTaskId: 'task',
  assigneeId: 'staff',
  staffId: 'staff',
  contactPersonId: 'person',
  ticketId: 'ticket',
};

interface StoredLink {
  organisationId?: unknown;
  personId?: unknown;
  isDefault?: unknown;
}
interface StoredAssignment {
  projectId?: unknown;
  taskId?: unknown;
}
interface StoredLogo {
  mimeType?: unknown;
  width?: unknown;
  height?: unknown;
}

/** A stored value in words: names for ids (as they were), dates in the UI's locale, Yes/No, translated choices. */
export function formatAuditValue(f: ValueFormat, entry: AuditEntry, field: string, value: unknown): string {
  const { t } = f;
  const name = (kind: AuditReferenceKind, id: unknown) => (typeof id === 'number' ? (entry.names[referenceKey(kind, id)] ?? `#${id}`) : t('common.none'));
  if (value === null || value === undefined || value === '') return t('common.none');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  // An image or a template body says nothing read as text: it changed, and that is what the log shows.
  if (CHANGED_ONLY.has(field) || (typeof value === 'string' && value.startsWith('data:'))) return t('audit.changedValue');
  if (LANGUAGE_FIELDS.has(field) && typeof value === 'string') return t(`languages.${value}`, { defaultValue: value });
  if (field === 'role' && typeof value === 'string') return t(`staff.roles.${value}`, { defaultValue: value });
  if (field === 'type' && typeof value === 'string') return t(`mailSettings.templates.types.${value}`, { defaultValue: value });
  // A ticket's workflow values in words (tickets feature texts).
  if (entry.entity === 'ticket' && (field === 'status' || field === 'priority') && typeof value === 'string') {
    return t(`tickets.${field === 'status' ? 'statuses' : 'priorities'}.${value}`, { defaultValue: value });
  }
  if (field === 'tls' && typeof value === 'string') return t(`auditLog.tls.${value}`, { defaultValue: value });
  if (DATE_FIELDS.has(field) && typeof value === 'string') return f.dateTime(value);
  if (DAY_FIELDS.has(field) && typeof value === 'string') return f.day(value);
  if (field === 'origin' && typeof value === 'string') return t(`tickets.assignments.origins.${value}`, { defaultValue: value });
  const kind = REFERENCES[field];
  if (kind) return name(kind, value);
  // A ticket's categories by the names they had when the entry was written, in the UI's language.
  if (field === 'categoryIds' && Array.isArray(value)) {
    if (value.length === 0) return t('common.none');
    return value
      .map((id) => (typeof id === 'number' ? (entry.names[categoryNameKey(id, f.language)] ?? entry.names[categoryNameKey(id, 'en')] ?? `#${id}`) : String(id)))
      .join(', ');
  }
  if (field === 'roleGroupIds' && Array.isArray(value)) return value.length === 0 ? t('common.none') : value.map((id) => name('role-group', id)).join(', ');
  if (field === 'permissions' && Array.isArray(value)) {
    return value.length === 0 ? t('common.none') : value.map((key) => PERMISSIONS.find((p) => p.key === key)?.label[f.language] ?? String(key)).join(', ');
  }
  if (field === 'links' && Array.isArray(value)) {
    return (value as StoredLink[])
      .map((l) => {
        const organisation = name('organisation', l.organisationId);
        const link = typeof l.personId === 'number' ? t('auditLog.link', { organisation, person: name('person', l.personId) }) : organisation;
        return l.isDefault === true ? t('auditLog.linkDefault', { link }) : link;
      })
      .join('; ');
  }
  if (field === 'secondaryAssignments' && Array.isArray(value)) {
    if (value.length === 0) return t('common.none');
    return (value as StoredAssignment[])
      .map((a) => (typeof a.taskId === 'number' ? `${name('project', a.projectId)} / ${name('task', a.taskId)}` : name('project', a.projectId)))
      .join('; ');
  }
  if (field === 'letterheadLogo' && typeof value === 'object') {
    const logo = value as StoredLogo;
    const type = typeof logo.mimeType === 'string' ? logo.mimeType.replace(/^image\//, '').toUpperCase() : '?';
    return t('auditLog.logo', { type, width: logo.width, height: logo.height });
  }
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.length === 0) return t('common.none');
  return JSON.stringify(value);
}
