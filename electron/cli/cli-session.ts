import type { CommandLine, PortierCore } from '../core/portier-core';
import { CliFailure } from './cli-errors';

/**
 * The core as the command line reaches it: through the command line's dispatcher, as a real
 * staff user acting from the command line (the audit log says who, and "command line").
 * `as` picks the staff user by email (an administrator or staff who may grant access; the
 * core refuses anyone else by name); without it, the active administrator with the lowest id.
 */
export async function commandLineAs(core: PortierCore, as?: string): Promise<CommandLine> {
  const cli = core.commandLine(as === undefined ? {} : { as });
  if ((await cli.call('session:current', {})) === null) {
    throw new CliFailure('This database has no active administrator yet. Run the first-start set-up (or seed-demo) first.');
  }
  return cli;
}
