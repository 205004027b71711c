import type { ChannelName, InputOf, OutputOf } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { Transport } from './transport';
import { isAttended } from './user-activity';

let transport: Transport | null = null;

/** Set once at start-up (or by a test); the rest of the renderer never sees which transport it is. */
export function setTransport(next: Transport): void {
  transport = next;
}

/** Calls a contract channel; an `{ok:false}` answer is thrown as an AppError with its code and field errors. */
export async function call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  if (!transport) throw new Error('call() before setTransport(): the transport is chosen in main.tsx.');
  // The user's own calls keep the sign-in alive; the screen's refreshes while they are away do not.
  const result = await (isAttended() ? transport(channel, input) : transport(channel, input, { unattended: true }));
  if (!result.ok) throw AppError.fromPayload(result.error);
  return result.value as OutputOf<C>;
}
