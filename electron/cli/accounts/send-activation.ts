import type { CommandLine } from '../../core/portier-core';
import { CliFailure, EXIT_FAILURE, EXIT_OK } from '../cli-errors';
import { exportJson } from '../../../shared/export-cell';

const CHUNK = 50;
/** Usernames looked up per call (the channel takes up to 500). */
const LOOKUP = 500;

interface Target {
  id: number;
  username: string;
}

/** The accounts named by username (any case), or matching a quick filter (all pages). */
async function targets(cli: CommandLine, emails: readonly string[], filter: 'never_invited' | 'invitation_expired' | null): Promise<{ found: Target[]; missing: string[] }> {
  const found: Target[] = [];
  if (filter) {
    for (let offset = 0; ; offset += 500) {
      const page = await cli.call('portal-accounts:list', { filter, offset, limit: 500 });
      found.push(...page.rows.map((r) => ({ id: r.id, username: r.username })));
      if (page.rows.length < 500) return { found, missing: [] };
    }
  }
  const missing: string[] = [];
  for (let i = 0; i < emails.length; i += LOOKUP) {
    const asked = emails.slice(i, i + LOOKUP);
    const accounts = await cli.call('portal-accounts:find-by-username', { usernames: [...asked] });
    for (const [j, account] of accounts.entries()) {
      if (account) found.push(account);
      else missing.push(asked[j] ?? '');
    }
  }
  return { found, missing };
}

/**
 * "Activate account" from the command line, through the very channel the app's button calls
 * (portal-accounts:send-activation): fresh tokens and codes, mails queued, letters made; one line per account.
 */
export async function sendActivation(
  cli: CommandLine,
  options: { emails: readonly string[]; neverInvited: boolean; expired: boolean; json: boolean },
): Promise<number> {
  const modes = [options.emails.length > 0, options.neverInvited, options.expired].filter(Boolean).length;
  if (modes !== 1) throw new CliFailure('Name accounts by email, or give exactly one of --never-invited and --expired.');
  const filter = options.neverInvited ? 'never_invited' : options.expired ? 'invitation_expired' : null;
  const { found, missing } = await targets(cli, options.emails, filter);
  for (const email of missing) console.error(`portier: no portal account ${email}`);
  const usernames = new Map(found.map((t) => [t.id, t.username]));
  const ids = found.map((t) => t.id);
  let sent = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const r of await cli.call('portal-accounts:send-activation', { ids: ids.slice(i, i + CHUNK) })) {
      if (r.outcome === 'sent') sent += 1;
      const username = usernames.get(r.accountId) ?? `#${r.accountId}`;
      if (options.json) console.log(exportJson({ ...r, username }));
      else console.log(r.outcome === 'sent' ? `sent     ${username}  (valid until ${r.expiresAt ?? ''})` : `skipped  ${username}  (${r.outcome.replace('skipped_', '').replace('_', ' ')})`);
    }
  }
  if (!options.json) console.log(`${sent} activation${sent === 1 ? '' : 's'} sent, ${ids.length - sent} skipped${missing.length > 0 ? `, ${missing.length} not found` : ''}. Mails wait in the outbox: a running Portier sends them, or send them now with npm run portier -- outbox send.`);
  return missing.length > 0 ? EXIT_FAILURE : EXIT_OK;
}
