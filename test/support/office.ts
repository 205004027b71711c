import { newSessionSlot, type SessionSlot } from '../../electron/core/auth/session';
import { openPortierCore, type CoreOptions, type PortierCore } from '../../electron/core/portier-core';
import { tempDataDir } from './core';

/** One process of an office: a core on the office's PostgreSQL database, with a data folder of its own. */
export interface OfficeCore {
  core: PortierCore;
  dataDir: string;
  /** A session slot of this process, for its first administrator once one exists. */
  admin: SessionSlot;
  /** Closes the core and removes its data folder. */
  close(): Promise<void>;
}

/** Opens a core on `url` in a fresh data folder; the folder is removed again if the core refuses to open. */
export async function openOfficeCore(url: string, prefix: string, options: Partial<CoreOptions> = {}): Promise<OfficeCore> {
  const data = tempDataDir(prefix);
  const onError = process.env.PORTIER_TEST_SHOW_ERRORS === '1' ? (channel: string, error: unknown) => console.error(channel, error) : undefined;
  let core: PortierCore;
  try {
    core = await openPortierCore({ ...options, dataDir: data.dir, databaseUrl: url, ...(onError ? { onError } : {}) });
  } catch (error) {
    data.remove();
    throw error;
  }
  return {
    core,
    dataDir: data.dir,
    admin: newSessionSlot(),
    async close() {
      await core.close();
      data.remove();
    },
  };
}
