import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import type { OfficeDatabaseAddress, OfficeDatabaseShown, OfficeDatabaseStatus, OfficeDatabaseTestResult } from '../../../shared/api/office-database';
import { sameConnection } from '../../../shared/database-address';
import { AppError, type FieldErrorCode } from '../../../shared/errors';
import { recordAudit } from '../audit/audit-log';
import type { CoreDeps } from '../context';
import { redactDatabaseUrl } from '../db/dialect/database-url';
import { DatabaseConnectionError, PostgresSchemaMissingError } from '../db/dialect/postgres';
import { PostgresConnectionFailure, probePostgres, type ConnectionProblem, type PostgresProbe } from '../db/dialect/postgres-probe';
import { DatabaseTooNewError } from '../db/migration';
import { MIGRATIONS } from '../db/migrations';
import type { SecretBox } from '../outbox/secret-box';
import { choiceOfUrl, shownOfUrl, urlOfChoice } from './office-database-url';
import type { OfficeDatabasePort, SwitchDatabase } from './office-database-port';
import {
  RememberedDatabaseError,
  forgetRememberedChoice,
  readRememberedChoice,
  readRememberedShown,
  readRememberedText,
  rememberedFileOf,
  writeRememberedChoice,
  writeRememberedText,
  type OfficeDatabaseChoice,
} from './remembered-database';

type Address = z.output<typeof OfficeDatabaseAddress>;

/** The schema version this Portier brings a database to. */
const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** A CA file larger than this is no CA file (a bundle of every public CA is about 250 KB). */
const MAX_CA_FILE_BYTES = 1_000_000;

/** Which field a failed connection is shown next to, and what is said there. */
const FIELD_OF_PROBLEM: Readonly<Record<ConnectionProblem, readonly [string, FieldErrorCode]>> = {
  'wrong-password': ['password', 'wrong_password'],
  'password-needed': ['password', 'required'],
  'access-refused': ['user', 'access_refused'],
  'database-missing': ['database', 'database_missing'],
  'host-unknown': ['host', 'host_unknown'],
  'host-unreachable': ['host', 'host_unreachable'],
  'tls-unsupported': ['sslmode', 'tls_unsupported'],
  'certificate-rejected': ['sslmode', 'certificate_rejected'],
  other: ['host', 'connection_failed'],
};

function fieldProblem(field: string, code: FieldErrorCode, message: string, detail?: string): AppError {
  return new AppError('VALIDATION', message, { fields: { [field]: { code } }, ...(detail ? { params: { detail: detail.slice(0, 500) } } : {}) });
}

function portOf(deps: CoreDeps): OfficeDatabasePort {
  if (!deps.officeDatabase) throw new AppError('CONFLICT', 'This Portier cannot tell or change its database.', { params: { reason: 'cannot-switch' } });
  return deps.officeDatabase;
}

/** The shell's way to switch; refused while the command line decided, and where the shell cannot switch (the command line itself). */
function switcherOf(port: OfficeDatabasePort): SwitchDatabase {
  if (port.chosenBy === 'command-line') {
    throw new AppError('CONFLICT', 'Portier was started with --database (or PORTIER_DATABASE_URL): that choice wins; start it without to choose here.', { params: { reason: 'command-line' } });
  }
  if (!port.switchTo) throw new AppError('CONFLICT', 'This Portier cannot switch databases while it runs.', { params: { reason: 'cannot-switch' } });
  return port.switchTo;
}

function rememberedShown(port: OfficeDatabasePort): OfficeDatabaseShown | null {
  try {
    return readRememberedShown(rememberedFileOf(port.dataDir));
  } catch (error) {
    // A damaged file is as good as none here: choosing again replaces it.
    if (error instanceof RememberedDatabaseError) return null;
    throw error;
  }
}

/** Which database this Portier runs on, who chose it, what is remembered, and whether it can switch. */
export function officeDatabaseStatus(deps: CoreDeps): OfficeDatabaseStatus {
  const port = portOf(deps);
  const url = port.currentUrl;
  const shown = url === null ? null : (shownOfUrl(url) ?? { host: redactDatabaseUrl(url), port: 0, database: '', user: '', sslmode: 'prefer' as const, caFile: null, passwordSet: false });
  return {
    current: shown === null ? { kind: 'sqlite' } : { kind: 'postgres', address: shown },
    chosenBy: port.chosenBy,
    remembered: rememberedShown(port),
    canSwitch: port.switchTo !== undefined && port.chosenBy !== 'command-line',
  };
}

/** The password known for this address, when the remembered choice (or the command line's URL) is the same connection. */
function knownPassword(address: Omit<OfficeDatabaseChoice, 'password'>, port: OfficeDatabasePort, secretBox: SecretBox): string | null {
  let remembered: OfficeDatabaseChoice | null = null;
  try {
    remembered = readRememberedChoice(rememberedFileOf(port.dataDir), secretBox);
  } catch (error) {
    if (!(error instanceof RememberedDatabaseError)) throw error;
  }
  if (remembered && sameConnection(remembered, address)) return remembered.password;
  const current = port.currentUrl === null ? null : choiceOfUrl(port.currentUrl);
  if (current && sameConnection(current, address)) return current.password;
  return null;
}

function choiceOf(input: Address, port: OfficeDatabasePort, secretBox: SecretBox): OfficeDatabaseChoice {
  const address = { host: input.host.replace(/^\[(.*)\]$/, '$1'), port: input.port, database: input.database, user: input.user, sslmode: input.sslmode, caFile: input.caFile };
  const typed = input.password === undefined || input.password === '' ? null : input.password;
  return { ...address, password: typed ?? knownPassword(address, port, secretBox) };
}

/** The CA file must be a readable PEM certificate: said next to its field, never by what it holds. */
function checkCaFile(caFile: string | null): void {
  if (caFile === null) return;
  if (!path.isAbsolute(caFile)) throw fieldProblem('caFile', 'invalid_format', 'Give the CA certificate file as a full path.');
  let text: string;
  try {
    const stat = fs.statSync(caFile);
    if (!stat.isFile() || stat.size > MAX_CA_FILE_BYTES) throw new Error('not a certificate file');
    text = fs.readFileSync(caFile, 'utf8');
  } catch {
    throw fieldProblem('caFile', 'file_unreadable', 'The CA certificate file cannot be read.');
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) throw fieldProblem('caFile', 'not_a_certificate', 'The file holds no PEM certificate.');
}

async function probe(choice: OfficeDatabaseChoice): Promise<PostgresProbe> {
  try {
    return await probePostgres(urlOfChoice(choice));
  } catch (error) {
    if (!(error instanceof PostgresConnectionFailure)) throw error;
    const [field, code] = FIELD_OF_PROBLEM[error.problem];
    // A certificate verified against the chosen CA file is that file's business.
    const where = error.problem === 'certificate-rejected' && choice.caFile !== null ? 'caFile' : field;
    throw fieldProblem(where, code, `Could not connect: ${error.detail}`, error.detail);
  }
}

function schemaOf(version: number | null): OfficeDatabaseTestResult['schema'] {
  if (version === null) return 'missing';
  if (version > LATEST_VERSION) return 'newer';
  return version < LATEST_VERSION ? 'older' : 'current';
}

/** "Test connection": connects once, changes nothing; a failure is a field error. */
export async function testOfficeDatabase(deps: CoreDeps, input: Address): Promise<OfficeDatabaseTestResult> {
  const choice = choiceOf(input, portOf(deps), deps.secretBox);
  checkCaFile(choice.caFile);
  const found = await probe(choice);
  return { serverVersion: found.serverVersion, encrypted: found.encrypted, schema: schemaOf(found.schemaVersion), schemaVersion: found.schemaVersion, latestVersion: LATEST_VERSION, clockOffsetMs: found.clockOffsetMs };
}

/** Why re-opening on the tested database failed after all, next to a field; null when it is no such failure. */
function explainOpenFailure(error: unknown): AppError | null {
  if (error instanceof DatabaseTooNewError) return fieldProblem('database', 'schema_too_new', error.message);
  if (error instanceof DatabaseConnectionError || error instanceof PostgresSchemaMissingError) return fieldProblem('host', 'connection_failed', error.message, error.message);
  return null;
}

/**
 * "Use this database": tests it, remembers it (the password sealed), and has the shell re-open
 * Portier there; everyone signs in again. When re-opening fails, the earlier choice is put back.
 */
export async function useOfficeDatabase(deps: CoreDeps, input: Address, staffId: number | null): Promise<OfficeDatabaseStatus> {
  const port = portOf(deps);
  const switchTo = switcherOf(port);
  const choice = choiceOf(input, port, deps.secretBox);
  checkCaFile(choice.caFile);
  const found = await probe(choice);
  if (schemaOf(found.schemaVersion) === 'newer') throw fieldProblem('database', 'schema_too_new', 'A newer Portier has already changed this database; update Portier first.');
  const file = rememberedFileOf(port.dataDir);
  const previous = readRememberedText(file);
  writeRememberedChoice(file, choice, deps.secretBox, deps.clock());
  try {
    await switchTo(urlOfChoice(choice));
  } catch (error) {
    writeRememberedText(file, previous);
    throw explainOpenFailure(error) ?? error;
  }
  await recordSwitch(deps, port, urlOfChoice(choice), staffId);
  const { password, ...address } = choice;
  const shown = { ...address, passwordSet: password !== null };
  return { current: { kind: 'postgres', address: shown }, chosenBy: 'remembered', remembered: shown, canSwitch: true };
}

/** "Back to this desk's own database": forgets the remembered choice and re-opens Portier on SQLite. */
export async function forgetOfficeDatabase(deps: CoreDeps, staffId: number | null): Promise<OfficeDatabaseStatus> {
  const port = portOf(deps);
  const switchTo = switcherOf(port);
  const file = rememberedFileOf(port.dataDir);
  const previous = readRememberedText(file);
  forgetRememberedChoice(file);
  if (port.currentUrl !== null) {
    try {
      await switchTo(null);
    } catch (error) {
      writeRememberedText(file, previous);
      throw error;
    }
    await recordSwitch(deps, port, null, staffId);
  }
  return { current: { kind: 'sqlite' }, chosenBy: 'default', remembered: null, canSwitch: true };
}

/**
 * The audit entry of a switch, in the database the desk left: the office sees in its own log
 * which desk (by computer name) went back to its own database, and a desk's own log which office
 * database it moved to. Written once the switch succeeded; this core stays open until the call
 * that switched has answered. Addresses without their password.
 */
async function recordSwitch(deps: CoreDeps, port: OfficeDatabasePort, toUrl: string | null, staffId: number | null): Promise<void> {
  const shown = (url: string | null) => (url === null ? null : redactDatabaseUrl(url));
  await recordAudit(deps.db, {
    at: deps.clock().toISOString(),
    staffId,
    entity: 'settings',
    entityId: null,
    action: 'database-switched',
    before: { officeDatabase: shown(port.currentUrl) },
    after: { officeDatabase: shown(toUrl) },
    label: os.hostname(),
  });
}
