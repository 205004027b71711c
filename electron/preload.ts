import { contextBridge, ipcRenderer } from 'electron';
import { isChannelName } from '../shared/api';
import { SAVE_FILE_CHANNEL, type CallNature, type PortierBridge, type SaveFileOutcome } from '../shared/bridge';
import type { Result } from '../shared/result';
import { subscribeToDataChanges } from './shell/data-changed-subscription';

/**
 * The whole surface the renderer gets: invoke() for contract channels, the native
 * "Save as", and onDataChanged() for the domains changed elsewhere. No ipcRenderer,
 * no Node, no generic send or listen; a name outside the contract never reaches the
 * main process.
 */
const bridge: PortierBridge = {
  invoke(channel: string, input: unknown, nature?: CallNature): Promise<Result<unknown>> {
    if (!isChannelName(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `There is no channel ${String(channel).slice(0, 80)}.` },
      });
    }
    // Only the one flag crosses, as a plain boolean.
    return ipcRenderer.invoke(channel, input, { unattended: nature?.unattended === true }) as Promise<Result<unknown>>;
  },
  saveFile(file) {
    return ipcRenderer.invoke(SAVE_FILE_CHANNEL, file) as Promise<Result<SaveFileOutcome>>;
  },
  onDataChanged(callback) {
    return subscribeToDataChanges(ipcRenderer, callback);
  },
};

contextBridge.exposeInMainWorld('portier', bridge);
