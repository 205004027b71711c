import type { ChannelName, InputOf, OutputOf } from '../../../../shared/api';
import { isAppError } from '../../../../shared/errors';
import type { Result } from '../../../../shared/result';
import type { Transport } from '../../../../renderer/src/api/transport';

/** A stand-in for the core: one function per channel; throwing an AppError answers `{ok:false}` like dispatch does. */
export type FakeHandlers = { [C in ChannelName]?: (input: InputOf<C>) => OutputOf<C> | Promise<OutputOf<C>> };

export interface RecordedCall {
  channel: string;
  input: unknown;
}

export interface FakeTransport {
  transport: Transport;
  calls: RecordedCall[];
  callsTo: (channel: ChannelName) => unknown[];
}

export function fakeTransport(handlers: FakeHandlers): FakeTransport {
  const calls: RecordedCall[] = [];
  const transport: Transport = async (channel, input) => {
    calls.push({ channel, input });
    const handler = handlers[channel as ChannelName] as ((input: unknown) => unknown) | undefined;
    if (!handler) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `no fake for ${channel}` } };
    try {
      return { ok: true, value: await handler(input) } as Result<unknown>;
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: error.toPayload() };
      throw error;
    }
  };
  return { transport, calls, callsTo: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.input) };
}
