import path from 'node:path';
import { contract, isChannelName, type ChannelName, type InputOf, type OutputOf } from '../../shared/api';
import type { Domain } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Result } from '../../shared/result';
import type { SessionSlot } from './auth/session';
import { systemClock, type Clock } from './clock';
import type { CoreDeps } from './context';
import { openDatabase } from './db/connection';
import { dispatch, type ErrorSink } from './dispatch';
import { keyFileSecretBox, type SecretBox } from './outbox/secret-box';
import { loadCodeKey } from './activation/code-key';
import { activationPorts } from './activation/activation-adapters';
import { ensurePrivateFile, ensurePrivateFolder } from './private-files';

export const DATABASE_FILE_NAME = 'portier.sqlite';

export interface CoreOptions {
  /** Folder holding portier.sqlite (and later: outbox .eml files, letters). */
  dataDir: string;
  clock?: Clock;
  nativeBinding?: string;
  onError?: ErrorSink;
  /** The app's resources folder (fonts for letters). Default: ./resources of the working folder (the project, in development and tests). */
  resourcesDir?: string;
  /** Encrypts secrets at rest; the desktop app passes one on Electron safeStorage. Default: a key file in dataDir. */
  secretBox?: SecretBox;
  /** The template preview thread's script: the built template-thread.cjs. Default: its source, run under tsx. */
  templateThread?: string;
}

/** Portier's core: plain Node, no Electron. Every shell (desktop, browser mode, CLI, tests) drives it through invoke(). */
export interface PortierCore {
  readonly dataDir: string;
  readonly databaseFile: string;
  readonly deps: CoreDeps;
  invoke(session: SessionSlot, channel: unknown, input: unknown): Promise<Result<unknown>>;
  /** Typed call that throws the AppError instead of returning it (CLI, tests). */
  call<C extends ChannelName>(session: SessionSlot, channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  /** Calls the listener after every successful call that changed data, with the domains it changed (the contract's `changes`). */
  onChanged(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

export type ChangeListener = (domains: readonly Domain[]) => void;

export async function openPortierCore(options: CoreOptions): Promise<PortierCore> {
  ensurePrivateFolder(options.dataDir);
  const databaseFile = path.join(options.dataDir, DATABASE_FILE_NAME);
  ensurePrivateFile(databaseFile);
  const { db } = await openDatabase(databaseFile, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const secretBox = options.secretBox ?? keyFileSecretBox(options.dataDir);
  return coreOn({ db, clock: options.clock ?? systemClock, secretBox, codeKey: loadCodeKey(options.dataDir), ...activationPorts(secretBox), resourcesDir: options.resourcesDir ?? path.resolve('resources'), ...(options.templateThread ? { templateThread: options.templateThread } : {}) }, options.dataDir, databaseFile, options.onError);
}

function coreOn(deps: CoreDeps, dataDir: string, databaseFile: string, onError?: ErrorSink): PortierCore {
  const { db } = deps;
  const listeners = new Set<ChangeListener>();
  const invoke = async (session: SessionSlot, channel: unknown, input: unknown) => {
    const result = await dispatch(deps, session, channel, input, onError);
    const changes = result.ok && isChannelName(channel) ? (contract[channel] as { changes?: readonly Domain[] }).changes : undefined;
    if (changes && changes.length > 0) {
      for (const listener of listeners) {
        try {
          listener(changes);
        } catch (error) {
          onError?.(channel as string, error);
        }
      }
    }
    return result;
  };
  return {
    dataDir,
    databaseFile,
    deps,
    invoke,
    async call(session, channel, input) {
      const result = await invoke(session, channel, input);
      if (!result.ok) throw AppError.fromPayload(result.error);
      return result.value as never;
    },
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => db.destroy(),
  };
}
