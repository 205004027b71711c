import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/**
 * Generated documents (activation letters). A letter holds an activation code, so what it
 * is made from is stored only encrypted (payload_enc); the PDF or DOCX is rendered from it
 * when staff open, save or print it.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'documents',
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE document (
        id INTEGER PRIMARY KEY,
        account_id INTEGER REFERENCES portal_account (id) ON DELETE SET NULL,
        kind TEXT NOT NULL CHECK (kind IN ('activation-letter')),
        title TEXT NOT NULL,
        postal_code TEXT,
        payload_enc TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES staff (id) ON DELETE SET NULL
      ) STRICT`.execute(db);
    await sql`CREATE INDEX document_account ON document (account_id)`.execute(db);
    await sql`CREATE INDEX document_created ON document (created_at)`.execute(db);
  },
};
