import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { inject } from 'vitest';
import type { ChannelName, InputOf, OutputOf } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { newSessionSlot, type SessionSlot } from '../../electron/core/auth/session';
import type { Clock } from '../../electron/core/clock';
import type { Actor } from '../../electron/core/context';
import { openPortierCore, type PortierCore } from '../../electron/core/portier-core';
import { writeSetting } from '../../electron/core/settings/setting-repository';
import { DEFAULT_ACTIVATION_SETTINGS } from '../../shared/api/activation-settings';
import { databaseFingerprintText } from './database-fingerprint';
import { copyTemplateDatabase } from './template-database';
import { onPostgres, postgresTestDatabase } from './test-database';

/** The portal address every test core starts with: activations are refused without one. */
export const TEST_PORTAL_URL = 'https://portal.example.com/';

/** Sets the portal address directly, not through the channel, so no test finds an extra audit entry. */
export async function setTestPortalUrl(core: PortierCore, portalUrl = TEST_PORTAL_URL): Promise<void> {
  await writeSetting(core.deps.db, 'activation', { ...DEFAULT_ACTIVATION_SETTINGS, portalUrl });
}

/** A fresh data folder under the OS temp dir; removed by the returned cleanup. */
export function tempDataDir(prefix = 'portier-test-'): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const ADMIN = { name: 'Ada Administrator', email: 'ada@example.com', password: 'Correct horse battery 7' } as const;

export interface TestCore {
  core: PortierCore;
  /** Signed in as the first administrator. */
  admin: SessionSlot;
  call<C extends ChannelName>(channel: C, input: InputOf<C>, session?: SessionSlot): Promise<OutputOf<C>>;
  close(): Promise<void>;
  /** The PostgreSQL database's URL (project "postgres"), for a second core on the same database; none on SQLite (the data folder says it). */
  databaseUrl?: string;
}

/**
 * A fresh data folder holding a copy of the database every migration was applied to once for
 * the whole test run (global-setup.ts): opening a core there migrates nothing. Outside Vitest
 * (a child process) the folder is empty and the core migrates as usual.
 */
export function migratedDataDir(prefix = 'portier-test-'): { dir: string; remove: () => void } {
  const data = tempDataDir(prefix);
  copyTemplateDatabase(process.env.VITEST === 'true' ? inject('templateDatabase') : undefined, data.dir);
  return data;
}

/**
 * The database a test core opens: none to choose on SQLite (portier.sqlite in the data folder,
 * copied from the template), a throwaway copy of the run's template database on PostgreSQL
 * (project "postgres" of vitest.config.ts). `drop` removes it after the core is closed.
 */
export async function testDatabaseOptions(): Promise<{ databaseUrl?: string; drop: () => Promise<void> }> {
  if (!onPostgres) return { drop: () => Promise.resolve() };
  const database = await postgresTestDatabase(process.env.VITEST === 'true' ? inject('postgresTemplate') : undefined);
  return { databaseUrl: database.url, drop: database.drop };
}

/** A real core on a real database (a SQLite file, or PostgreSQL in project "postgres"), with the first administrator created and signed in. */
export async function startTestCore(options: { clock?: Clock; withAdmin?: boolean; portalUrl?: string; /** A PostgreSQL database of the test's own (it drops it), whatever the project. */ databaseUrl?: string } = {}): Promise<TestCore> {
  const data = migratedDataDir();
  const { drop, ...database } = options.databaseUrl ? { databaseUrl: options.databaseUrl, drop: () => Promise.resolve() } : await testDatabaseOptions();
  // PORTIER_TEST_SHOW_ERRORS=1 prints what lies behind an INTERNAL answer (while porting, debugging).
  const onError = process.env.PORTIER_TEST_SHOW_ERRORS === '1' ? (channel: string, error: unknown) => console.error(channel, error) : undefined;
  const core = await openPortierCore({ dataDir: data.dir, ...database, ...(onError ? { onError } : {}), ...(options.clock ? { clock: options.clock } : {}) });
  if (options.portalUrl !== '') await setTestPortalUrl(core, options.portalUrl);
  const admin = newSessionSlot();
  if (options.withAdmin !== false) await core.call(admin, 'setup:create-administrator', { ...ADMIN });
  return {
    core,
    admin,
    ...database,
    call: (channel, input, session = admin) => {
      // The test's administrator counts as active at each t.call: tests that move the clock by
      // days are about the data, not idle sessions (staff-sessions.test.ts tests the idle timeout).
      if (session === admin && admin.staffId !== null) admin.lastSeenAt = core.deps.clock().getTime();
      return core.call(session, channel, input);
    },
    async close() {
      await core.close();
      await drop();
      data.remove();
    },
  };
}

/** The command line's options for the test core's database: its data folder, and on PostgreSQL its URL. */
export function cliDatabaseArgs(t: TestCore): string[] {
  return ['--data-dir', t.core.dataDir, ...(t.databaseUrl ? ['--database', t.databaseUrl] : [])];
}

/** Signs in a new session slot. */
export async function signedIn(core: PortierCore, email: string, password: string): Promise<SessionSlot> {
  const slot = newSessionSlot();
  await core.call(slot, 'session:sign-in', { email, password });
  return slot;
}

/**
 * The schema and every row of every table (read from the database's catalogue, so a new table
 * is never missed), to prove a refused call changed nothing.
 */
export function databaseFingerprint(core: PortierCore): Promise<string> {
  return databaseFingerprintText(core.deps.db as unknown as Kysely<unknown>);
}

/** The AppError a call fails with; fails the test when the call succeeds or fails otherwise. */
export async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/**
 * A core with one portal account (anna@example.com, organisation Brouwerij De Ster, a
 * Readers group) and the signed-in administrator as the actor of core services.
 */
export async function startWithAccount(clock: Clock): Promise<{ t: TestCore; actor: Actor; accountId: number }> {
  const t = await startTestCore({ clock });
  const me = await t.call('session:current', {});
  const actor: Actor = { id: me?.id ?? 0, name: me?.name ?? '', role: 'administrator', mayGrantAccess: true };
  const org = await t.call('organisations:create', { name: 'Brouwerij De Ster' });
  const group = await t.call('role-groups:create', { name: 'Readers', permissions: ['tickets.read'] });
  const { id } = await t.call('portal-accounts:create', { username: 'anna@example.com', links: [{ organisationId: org.id, isDefault: true }], roleGroupIds: [group.id] });
  return { t, actor, accountId: id };
}
