import { z } from 'zod';
import { channel } from '../contract';
import { Id, Timestamp, page } from './common';

export const AUDIT_ENTITIES = ['staff', 'organisation', 'person', 'settings', 'role-group', 'portal-account', 'password-policy', 'mail-template', 'mail'] as const;
/** Kinds of things the audit log records changes of. */
export const AuditEntity = z.enum(AUDIT_ENTITIES);
export type AuditEntity = z.infer<typeof AuditEntity>;

/** One append-only audit record: who changed what when, with the values before and after. */
export const AuditEntry = z.strictObject({
  id: Id,
  at: Timestamp,
  staffId: Id.nullable(),
  staffName: z.string().nullable(),
  entity: AuditEntity,
  entityId: z.number().int().nullable(),
  action: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const auditApi = {
  'audit:list': channel({
    access: 'admin',
    input: z.strictObject({
      entity: AuditEntity.optional(),
      entityId: Id.optional(),
      staffId: Id.optional(),
      /** Inclusive first and last day (UTC), yyyy-mm-dd. */
      from: Day.optional(),
      to: Day.optional(),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: page(AuditEntry),
  }),
} as const;
