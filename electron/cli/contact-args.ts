import type { RightHolder } from '../../shared/api/ticket-rights';
import type { CommandLine } from '../core/portier-core';
import { CliFailure, UsageError } from './cli-errors';

/** A whole-number id from an option, or a UsageError naming the option. */
export function idOption(value: string, option: string, command: string): number {
  if (!/^\d{1,15}$/.test(value) || Number(value) < 1) throw new UsageError(`--${option} must be an id (a positive whole number).`, command);
  return Number(value);
}

/** The portal account with this username (any case); a CliFailure when there is none. */
export async function accountIdByUsername(cli: CommandLine, username: string): Promise<number> {
  const [found] = await cli.call('portal-accounts:find-by-username', { usernames: [username] });
  if (!found) throw new CliFailure(`There is no portal account with the username ${username}.`);
  return found.id;
}

/**
 * Whose rights a contact's option names: a person, or an account's organisation link (the
 * default one unless --organisation names another). A link that names a person holds no
 * rights of its own: the account sees through that person's, so the person is the holder.
 */
export async function rightHolderOf(cli: CommandLine, options: { person?: string | undefined; account?: string | undefined; organisation?: string | undefined }, command: string): Promise<{ holder: RightHolder; description: string }> {
  if ((options.person === undefined) === (options.account === undefined)) throw new UsageError('Name the contact with exactly one of --person ID or --account EMAIL.', command);
  if (options.person !== undefined) {
    if (options.organisation !== undefined) throw new UsageError('--organisation goes with --account only.', command);
    const personId = idOption(options.person, 'person', command);
    return { holder: { personId }, description: `person ${personId}` };
  }
  const username = options.account ?? '';
  const account = await cli.call('portal-accounts:get', { id: await accountIdByUsername(cli, username) });
  const organisationId = options.organisation === undefined ? undefined : idOption(options.organisation, 'organisation', command);
  const link = account.links.find((l) => (organisationId === undefined ? l.isDefault : l.organisationId === organisationId));
  if (!link) throw new CliFailure(organisationId === undefined ? `${account.username} is linked to no organisation.` : `${account.username} is not linked to organisation ${organisationId}.`);
  if (link.personId !== null) {
    return { holder: { personId: link.personId }, description: `${account.username} at ${link.organisationName}, through person ${link.personId} (${link.personName ?? ''})` };
  }
  return { holder: { accountId: account.id, organisationId: link.organisationId }, description: `${account.username} at ${link.organisationName} (the whole organisation)` };
}
