import { z } from 'zod';
import { channel } from '../contract';
import { ById, Id, Timestamp, page } from './common';

export const DocumentRow = z.strictObject({
  id: Id,
  accountId: Id.nullable(),
  accountUsername: z.string().nullable(),
  kind: z.enum(['activation-letter']),
  title: z.string(),
  createdAt: Timestamp,
  createdByName: z.string().nullable(),
  /** A newer letter was made for the same account: this one's code no longer works. */
  superseded: z.boolean(),
});
export type DocumentRow = z.infer<typeof DocumentRow>;

/** A rendered file, for opening or saving: base64, since it crosses IPC and HTTP as JSON. */
export const DocumentFile = z.strictObject({ fileName: z.string(), mimeType: z.string(), base64: z.string() });
export type DocumentFile = z.infer<typeof DocumentFile>;

/** A print job's id: random, from the core. */
export const PrintJobId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const documentsApi = {
  'documents:list': channel({
    access: 'staff',
    input: z.strictObject({
      accountId: Id.optional(),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: page(DocumentRow),
  }),
  /** Letters hold an activation code: only staff who may grant access open them, and each opening is audited. */
  'documents:open': channel({
    access: 'grant',
    input: z.strictObject({ id: Id, format: z.enum(['pdf', 'docx']).default('pdf') }),
    output: DocumentFile,
    changes: ['audit'],
  }),
  'documents:delete': channel({ access: 'grant', input: ById, output: z.null(), changes: ['documents', 'audit'] }),
  /** Many letters as one PDF, ordered by postal code (for the post room). */
  'documents:letters-pdf': channel({
    access: 'grant',
    input: z.strictObject({ ids: z.array(Id).min(1).max(20_000) }),
    output: DocumentFile,
    changes: ['audit'],
  }),
  /** The same as a job with progress: the screen starts it and asks how far it is, and gets the file when it is done. */
  'documents:print-start': channel({
    access: 'grant',
    input: z.strictObject({ ids: z.array(Id).min(1).max(20_000) }),
    output: z.strictObject({ jobId: PrintJobId, total: z.number().int() }),
  }),
  /** How far a print job of this staff user is; with the file once done (and the job is then gone). */
  'documents:print-status': channel({
    access: 'grant',
    input: z.strictObject({ jobId: PrintJobId }),
    output: z.strictObject({ done: z.number().int(), total: z.number().int(), file: DocumentFile.nullable() }),
    changes: ['audit'],
  }),
} as const;
