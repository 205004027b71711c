import { afterEach } from 'vitest';
import type { ChannelName, InputOf, OutputOf } from '../../../../shared/api';
import { contract, isChannelName } from '../../../../shared/api';
import { isAppError } from '../../../../shared/errors';
import type { Result } from '../../../../shared/result';
import type { Transport } from '../../../../renderer/src/api/transport';
import { parseInput } from '../../../../electron/core/validation';

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

/** Fakes that answered with what the contract does not promise, during the current test. */
const outputViolations: string[] = [];

/** The violations so far, emptied: for the fake's own test, which provokes one. */
export const takeFakeOutputViolations = (): string[] => outputViolations.splice(0);

// The renderer may swallow the failed call (a query shows an error state): the test fails anyway.
afterEach(() => {
  const violations = outputViolations.splice(0);
  if (violations.length > 0) throw new Error(violations.join('\n'));
});

/**
 * The core as the renderer meets it, with the answers given by `handlers`: the input is
 * parsed with the channel's contract schema first and refused as dispatch refuses it
 * (VALIDATION with field errors), the handler gets the parsed input, and its answer is
 * parsed with the channel's output schema, so a fake can never hand the renderer
 * something the real core would not. An answer that breaks the contract fails the test.
 */
export function fakeTransport(handlers: FakeHandlers): FakeTransport {
  const calls: RecordedCall[] = [];
  const transport: Transport = async (channel, input) => {
    calls.push({ channel, input });
    const handler = handlers[channel as ChannelName] as ((input: unknown) => unknown) | undefined;
    if (!isChannelName(channel) || !handler) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `no fake for ${channel}` } };
    let value: unknown;
    try {
      value = await handler(parseInput(contract[channel].input, input));
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: error.toPayload() };
      throw error;
    }
    const output = contract[channel].output.safeParse(value);
    if (!output.success) {
      const violation = `the fake for ${channel} answered what the contract does not promise: ${output.error.message}`;
      outputViolations.push(violation);
      throw new Error(violation);
    }
    return { ok: true, value: output.data } as Result<unknown>;
  };
  return { transport, calls, callsTo: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.input) };
}
