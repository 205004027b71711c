import { ipcMain, type WebContents } from 'electron';
import { CHANNEL_NAMES, type ChannelName } from '../shared/api';
import { SAVE_FILE_CHANNEL, type SaveFileOutcome } from '../shared/bridge';
import { DATA_CHANGED_CHANNEL } from '../shared/data-changes';
import type { Result } from '../shared/result';
import { newSessionSlot, type SessionSlot } from './core/auth/session';
import type { PortierCore } from './core/portier-core';
import { isUnattended } from './shell/call-nature';
import { isTrustedSender } from './shell/trusted-sender';

const INTERNAL: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'Something went wrong inside Portier. The change was not saved.' },
};
const FOREIGN_SENDER: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Only Portier’s own window may call Portier.' },
};

export interface IpcOptions {
  core: Pick<PortierCore, 'invoke' | 'onChanged'>;
  /** True for URLs of our own renderer (app://portier/...). */
  isAppUrl(url: string): boolean;
  onError?(channel: string, error: unknown): void;
}

/**
 * Registers one ipcMain handler per contract channel and nothing else. Each
 * window (webContents) has its own sign-in, forgotten when it is destroyed; the
 * core ends it earlier after the idle timeout or when the user's security stamp
 * changes (password, role, active flag), as for browser tabs.
 * Each signed-in window of our own is told which domains changed (DATA_CHANGED_CHANNEL):
 * its own calls, other windows', and on PostgreSQL other processes', so open screens refresh.
 * Returns a function that removes the handlers again.
 */
export function registerIpc({ core, isAppUrl, onError }: IpcOptions): () => void {
  const slots = new Map<number, { contents: WebContents; slot: SessionSlot }>();

  const slotFor = (contents: WebContents): SessionSlot => {
    const existing = slots.get(contents.id);
    if (existing) return existing.slot;
    const slot = newSessionSlot('app');
    slots.set(contents.id, { contents, slot });
    const id = contents.id;
    contents.once('destroyed', () => slots.delete(id));
    return slot;
  };

  const stopTelling = core.onChanged((domains) => {
    for (const { contents, slot } of slots.values()) {
      // Signed out, closing, or navigated off our renderer: nothing to refresh, nothing to tell.
      if (slot.staffId === null || contents.isDestroyed() || !isAppUrl(contents.getURL())) continue;
      contents.send(DATA_CHANGED_CHANNEL, [...domains]);
    }
  });

  const handle = (name: ChannelName) =>
    ipcMain.handle(name, async (event, input: unknown, nature: unknown): Promise<Result<unknown>> => {
      // Before anything else: the channel's input is not even looked at for a foreign sender.
      if (!isTrustedSender(event, isAppUrl)) return FOREIGN_SENDER;
      try {
        return await core.invoke(slotFor(event.sender), name, input, { unattended: isUnattended(nature) });
      } catch (error) {
        // invoke already turns errors into data; this catches a broken core, without its stack.
        onError?.(name, error);
        return INTERNAL;
      }
    });

  for (const name of CHANNEL_NAMES) handle(name);
  return () => {
    stopTelling();
    for (const name of CHANNEL_NAMES) ipcMain.removeHandler(name);
    slots.clear();
  };
}

/**
 * The desktop's "Save as" (SAVE_FILE_CHANNEL), for the same trusted senders only; `save`
 * shows the native dialog for the sender's window and writes the file.
 */
export function registerSaveFile({ isAppUrl, save }: { isAppUrl(url: string): boolean; save(sender: WebContents, input: unknown): Promise<Result<SaveFileOutcome>> }): () => void {
  ipcMain.handle(SAVE_FILE_CHANNEL, async (event, input: unknown): Promise<Result<SaveFileOutcome>> => {
    if (!isTrustedSender(event, isAppUrl)) return FOREIGN_SENDER;
    return save(event.sender, input);
  });
  return () => ipcMain.removeHandler(SAVE_FILE_CHANNEL);
}
