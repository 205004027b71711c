import path from 'node:path';
import { contract, type ChannelName, type InputOf, type OutputOf } from '../../shared/api';
import { commandLineContract, type CommandLineChannelName, type CommandLineInputOf, type CommandLineOutputOf } from '../../shared/api/command-line';
import { isChannelOf, type ChannelMap, type Domain } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Result } from '../../shared/result';
import { newSessionSlot, type SessionSlot } from './auth/session';
import { sessionPrincipal } from './auth/session-principal';
import { systemClock, type Clock } from './clock';
import { commandLineHandlers } from './command-line/command-line-handlers';
import { commandLinePrincipal } from './command-line/command-line-principal';
import type { CoreDeps } from './context';
import { openDatabase, type Db } from './db/connection';
import { chooseDatabase, redactDatabaseUrl } from './db/dialect/database-url';
import { openPostgresForCore } from './db/dialect/postgres';
import { changesOf, whileChanging } from './db/dialect/postgres-changes';
import { createDispatcher, type CallNature, type Dispatch, type ErrorSink } from './dispatch';
import { handlers } from './handlers';
import type { SecretBox } from './outbox/secret-box';
import { coreKeys } from './office-keys/office-keys';
import { activationPorts } from './activation/activation-adapters';
import { ensurePrivateFile, ensurePrivateFolder } from './private-files';
import { portalContract, type PortalChannelName, type PortalInputOf, type PortalOutputOf } from '../../shared/portal-api';
import { portalHandlers } from './portal-handlers';
import { portalPrincipal } from './portal-sessions/portal-principal';
import type { OfficeDatabaseOptions, OfficeDatabasePort } from './office-database/office-database-port';

export const DATABASE_FILE_NAME = 'portier.sqlite';

export interface CoreOptions {
  /** Folder holding portier.sqlite (and later: outbox .eml files, letters). */
  dataDir: string;
  clock?: Clock;
  nativeBinding?: string;
  onError?: ErrorSink;
  /** The app's resources folder (fonts for letters). Default: ./resources of the working folder (the project, in development and tests). */
  resourcesDir?: string;
  /**
   * SQLite only: encrypts secrets at rest; the desktop app passes one on Electron safeStorage.
   * Default: a key file in dataDir. On PostgreSQL every process uses the office's keys, kept in
   * the office database (office-keys/office-keys.ts), and this is not used.
   */
  secretBox?: SecretBox;
  /**
   * PostgreSQL only: a file holding the operator's 32-byte key that seals the office's keys in
   * the database (the shells pass PORTIER_OFFICE_KEY_FILE). Every process of the office must
   * then be given the same file.
   */
  officeKeyFile?: string;
  /** The template preview thread's script: the built template-thread.cjs. Default: its source, run under tsx. */
  templateThread?: string;
  /** A shared office's PostgreSQL database (postgres://user@host:5432/db); without it, portier.sqlite in dataDir as always. */
  databaseUrl?: string;
  /** Who chose databaseUrl, and how to switch to another while running (the shells that can: desktop, browser mode). */
  officeDatabase?: OfficeDatabaseOptions;
}

/** Portier's core: plain Node, no Electron. Every shell (desktop, browser mode, CLI, tests) drives it through its dispatcher. */
export interface PortierCore {
  readonly dataDir: string;
  /** portier.sqlite's path; on PostgreSQL the database's URL without its password. */
  readonly databaseFile: string;
  readonly deps: CoreDeps;
  /** The back office's way in (desktop IPC, browser mode): the back-office contract, for the staff user signed in to the slot. */
  invoke(session: SessionSlot, channel: unknown, input: unknown, nature?: CallNature): Promise<Result<unknown>>;
  /** Typed call that throws the AppError instead of returning it (tests). */
  call<C extends ChannelName>(session: SessionSlot, channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  /**
   * The command line's way in: its own contract (the back office's channels and its own), for
   * a staff user acting from the command line, audited as such: `as` by email, else the first
   * active administrator (see command-line-principal.ts).
   */
  commandLine(options?: { as?: string }): CommandLine;
  /**
   * The customer portal's way in: its own contract and dispatcher, for the portal account
   * signed in through the slot's session cookie (see portal-sessions/portal-principal.ts).
   */
  portal(session: SessionSlot, channel: unknown, input: unknown): Promise<Result<unknown>>;
  /** Typed portal call that throws the AppError instead of returning it (tests, the portal's pages). */
  portalCall<C extends PortalChannelName>(session: SessionSlot, channel: C, input: PortalInputOf<C>): Promise<PortalOutputOf<C>>;
  /** Calls the listener after every successful call that changed data, with the domains it changed (the contract's `changes`). */
  onChanged(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

export type ChangeListener = (domains: readonly Domain[]) => void;

/** A command-line caller: every call goes through the command line's dispatcher. */
export interface CommandLine {
  invoke(channel: unknown, input: unknown): Promise<Result<unknown>>;
  /** Typed call that throws the AppError instead of returning it. */
  call<C extends CommandLineChannelName>(channel: C, input: CommandLineInputOf<C>): Promise<CommandLineOutputOf<C>>;
}

/** The back office's dispatcher: its contract, its handlers, the staff user signed in to the window or tab. */
const backOfficeDispatch = createDispatcher({ contract, handlers, resolvePrincipal: sessionPrincipal });

/** The portal's dispatcher: the portal's contract, its handlers, the portal account signed in through the session cookie. */
const portalDispatch = createDispatcher({ contract: portalContract, handlers: portalHandlers, resolvePrincipal: portalPrincipal });

export async function openPortierCore(options: CoreOptions): Promise<PortierCore> {
  ensurePrivateFolder(options.dataDir);
  const { db, databaseFile } = await openChosenDatabase(options);
  const clock = options.clock ?? systemClock;
  const keyOptions = { dataDir: options.dataDir, clock, ...(options.secretBox ? { secretBox: options.secretBox } : {}), ...(options.officeKeyFile ? { officeKeyFile: options.officeKeyFile } : {}) };
  // Files of the data folder on SQLite, the office database's own keys on PostgreSQL.
  const { secretBox, codeKey } = await coreKeys(db, keyOptions).catch(async (error: unknown) => {
    await db.destroy();
    throw error;
  });
  const officeDatabase = officeDatabasePortOf(options);
  return coreOn({ db, clock, secretBox, codeKey, ...activationPorts(secretBox), resourcesDir: options.resourcesDir ?? path.resolve('resources'), ...(options.templateThread ? { templateThread: options.templateThread } : {}), officeDatabase }, options.dataDir, databaseFile, options.onError);
}

/** What the connect screen's channels know: the database opened, who chose it, how to switch (issue 13). */
function officeDatabasePortOf(options: CoreOptions): OfficeDatabasePort {
  const choice = chooseDatabase(options.databaseUrl);
  const switchTo = options.officeDatabase?.switchTo;
  return {
    dataDir: options.dataDir,
    currentUrl: choice.kind === 'postgres' ? choice.url : null,
    chosenBy: choice.kind === 'postgres' ? (options.officeDatabase?.chosenBy ?? 'command-line') : 'default',
    ...(switchTo ? { switchTo } : {}),
  };
}

async function openChosenDatabase(options: CoreOptions): Promise<{ db: Db; databaseFile: string }> {
  const choice = chooseDatabase(options.databaseUrl);
  if (choice.kind === 'postgres') {
    const db = await openPostgresForCore(choice.url);
    // Other processes on the database announce their changes: listen (closed with the database).
    await changesOf(db)?.listen(choice.url, { everyDomain: EVERY_DOMAIN, ...(options.onError ? { onError: options.onError } : {}) });
    return { db, databaseFile: redactDatabaseUrl(choice.url) };
  }
  const databaseFile = path.join(options.dataDir, DATABASE_FILE_NAME);
  ensurePrivateFile(databaseFile);
  const { db } = await openDatabase(databaseFile, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  return { db, databaseFile };
}

/** Every domain a channel may change: what may have changed while a core could not hear the others. */
const EVERY_DOMAIN: readonly Domain[] = [...new Set([contract, portalContract, commandLineContract].flatMap((api: ChannelMap) => Object.values(api).flatMap((c) => c.changes ?? [])))];

function coreOn(deps: CoreDeps, dataDir: string, databaseFile: string, onError?: ErrorSink): PortierCore {
  const { db } = deps;
  const listeners = new Set<ChangeListener>();
  const tell = (domains: readonly Domain[], source: string) => {
    for (const listener of listeners) {
      try {
        listener(domains);
      } catch (error) {
        onError?.(source, error);
      }
    }
  };
  // On PostgreSQL, what other processes changed reaches the listeners too (postgres-changes.ts).
  changesOf(db)?.onRemoteChange((domains) => tell(domains, 'changes of another process'));
  /** Runs a call through a dispatcher, then tells the listeners which domains a successful change touched. */
  const through = (dispatch: Dispatch, api: ChannelMap) => async (session: SessionSlot, channel: unknown, input: unknown, nature?: CallNature) => {
    const declared = isChannelOf(api, channel) ? (api[channel]?.changes ?? []) : [];
    // The call's writes announce its domains to the other processes on PostgreSQL.
    const result = await whileChanging(declared, () => dispatch(deps, session, channel, input, onError, nature));
    if (result.ok && declared.length > 0) tell(declared, channel as string);
    return result;
  };
  const unwrap = (result: Result<unknown>): never => {
    if (!result.ok) throw AppError.fromPayload(result.error);
    return result.value as never;
  };
  const invoke = through(backOfficeDispatch, contract);
  const portal = through(portalDispatch, portalContract);
  return {
    dataDir,
    databaseFile,
    deps,
    invoke,
    call: async (session, channel, input) => unwrap(await invoke(session, channel, input)),
    portal,
    portalCall: async (session, channel, input) => unwrap(await portal(session, channel, input)),
    commandLine(options = {}) {
      const dispatch = createDispatcher({ contract: commandLineContract, handlers: commandLineHandlers, resolvePrincipal: commandLinePrincipal(options.as) });
      const run = through(dispatch, commandLineContract);
      // The session channels act on a slot of the command line's own, which decides nothing:
      // the principal is the command line's staff user, looked up at every call.
      const session = newSessionSlot('cli');
      return {
        invoke: (channel, input) => run(session, channel, input),
        call: async (channel, input) => unwrap(await run(session, channel, input)),
      };
    },
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => db.destroy(),
  };
}
