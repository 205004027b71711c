import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SslMode, type OfficeDatabaseShown } from '../../../shared/api/office-database';
import type { SecretBox } from '../outbox/secret-box';

/** The file in the data folder (one per OS user) that remembers which office database this desk uses. */
export const OFFICE_DATABASE_FILE = 'office-database.json';

/**
 * What the file holds: the address as the connect screen took it, and the password sealed by
 * the secret box (Electron's safeStorage on the desktop, the data folder's key file in browser
 * mode), never in clear.
 */
const RememberedFile = z.strictObject({
  version: z.literal(1),
  host: z.string().min(1).max(253),
  port: z.number().int().min(1).max(65_535),
  database: z.string().min(1).max(63),
  user: z.string().min(1).max(63),
  sslmode: SslMode,
  caFile: z.string().max(1024).nullable(),
  sealedPassword: z.string().max(16_384).nullable(),
  chosenAt: z.string().max(40),
});
type RememberedFile = z.infer<typeof RememberedFile>;

/** An office database's address with its password in clear (in memory only). */
export interface OfficeDatabaseChoice {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string | null;
  sslmode: SslMode;
  caFile: string | null;
}

/** The remembered file cannot be used: damaged, or sealed by a secret box this process does not hold. */
export class RememberedDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RememberedDatabaseError';
  }
}

export const rememberedFileOf = (dataDir: string): string => path.join(dataDir, OFFICE_DATABASE_FILE);

/** The file's text, or null when this desk remembers no office database. */
export function readRememberedText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function parseRemembered(file: string, text: string): RememberedFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RememberedDatabaseError(`${file} is damaged (not JSON). Choose the office database again, or delete the file to use this desk's own database.`);
  }
  const parsed = RememberedFile.safeParse(json);
  if (!parsed.success) throw new RememberedDatabaseError(`${file} is damaged (${parsed.error.issues[0]?.path.join('.') ?? 'shape'}). Choose the office database again, or delete the file.`);
  return parsed.data;
}

/** The remembered address as shown (no password), or null when there is none. */
export function readRememberedShown(file: string): OfficeDatabaseShown | null {
  const text = readRememberedText(file);
  if (text === null) return null;
  const { host, port, database, user, sslmode, caFile, sealedPassword } = parseRemembered(file, text);
  return { host, port, database, user, sslmode, caFile, passwordSet: sealedPassword !== null };
}

/** The remembered choice with its password unsealed, or null when there is none. */
export function readRememberedChoice(file: string, secretBox: SecretBox): OfficeDatabaseChoice | null {
  const text = readRememberedText(file);
  if (text === null) return null;
  const { host, port, database, user, sslmode, caFile, sealedPassword } = parseRemembered(file, text);
  let password: string | null = null;
  if (sealedPassword !== null) {
    try {
      password = secretBox.decrypt(sealedPassword);
    } catch {
      // E.g. sealed by the desktop's keychain, read by browser mode (or after the key file was lost).
      throw new RememberedDatabaseError(`The password remembered in ${file} cannot be unsealed here (it was sealed by another Portier or key). Choose the office database again.`);
    }
  }
  return { host, port, database, user, password, sslmode, caFile };
}

/** Writes the choice, its password sealed, as a file only this user may read; replaced whole (a crash leaves the old or the new one). */
export function writeRememberedChoice(file: string, choice: OfficeDatabaseChoice, secretBox: SecretBox, now: Date): void {
  const { password, ...address } = choice;
  const content: RememberedFile = { version: 1, ...address, sealedPassword: password === null ? null : secretBox.encrypt(password), chosenAt: now.toISOString() };
  writeRememberedText(file, `${JSON.stringify(content, null, 2)}\n`);
}

/** Puts back a file's earlier text (null: no file), e.g. when re-opening on the new choice failed. */
export function writeRememberedText(file: string, text: string | null): void {
  if (text === null) {
    fs.rmSync(file, { force: true });
    return;
  }
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text, { mode: 0o600 });
  fs.renameSync(temporary, file);
}

/** Forgets the remembered choice: this desk's own SQLite database from the next opening on. */
export function forgetRememberedChoice(file: string): void {
  writeRememberedText(file, null);
}
