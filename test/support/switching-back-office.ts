import { newSessionSlot, type SessionSlot } from '../../electron/core/auth/session';
import { keyFileSecretBox } from '../../electron/core/outbox/secret-box';
import { openSwitchingCore, type SwitchingCore } from '../../electron/core/office-database/switching-core';
import { openPortierCore } from '../../electron/core/portier-core';
import type { ChannelName, InputOf } from '../../shared/api';
import type { Result } from '../../shared/result';
import { ADMIN } from './core';

/**
 * The back office as serve and the desktop open it (test/support for the connect screen): the
 * database chosen at start (command line, else remembered, else SQLite in the data folder), and
 * a switch when the connect screen asks. No outbox worker: these tests are about the database.
 */
export function openTestBackOffice(dataDir: string, commandLineUrl?: string): Promise<SwitchingCore> {
  return openSwitchingCore({
    dataDir,
    secretBox: keyFileSecretBox(dataDir),
    commandLineUrl,
    open: async (database) => {
      // PORTIER_TEST_SHOW_ERRORS=1 prints what lies behind an INTERNAL answer, as for startTestCore.
      const onError = process.env.PORTIER_TEST_SHOW_ERRORS === '1' ? (channel: string, error: unknown) => console.error(channel, error) : undefined;
      const core = await openPortierCore({ dataDir, ...database, ...(onError ? { onError } : {}) });
      return { core, stop: () => core.close() };
    },
  });
}

/** One call through the back office, as a transport makes it. */
export function invokeOn<C extends ChannelName>(back: SwitchingCore, slot: SessionSlot, channel: C, input: InputOf<C>): Promise<Result<unknown>> {
  return back.invoke(slot, channel, input);
}

/** The desktop window's slot with the first administrator signed in (created when the database has none). */
export async function administratorSlot(back: SwitchingCore): Promise<SessionSlot> {
  const slot = newSessionSlot('app');
  const status = await back.invoke(slot, 'setup:status', {});
  const needs = status.ok && (status.value as { needsAdministrator: boolean }).needsAdministrator;
  const result = needs
    ? await back.invoke(slot, 'setup:create-administrator', { ...ADMIN })
    : await back.invoke(slot, 'session:sign-in', { email: ADMIN.email, password: ADMIN.password });
  if (!result.ok) throw new Error(`could not sign in: ${result.error.message}`);
  return slot;
}
