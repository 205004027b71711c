import type { SessionSlot } from '../../core/auth/session';
import type { PortierCore } from '../../core/portier-core';
import { CliFailure, EXIT_FAILURE, EXIT_OK } from '../cli-errors';
import { exportJson } from '../../../shared/export-cell';

const CHUNK = 50;

/** The ids of the accounts named by username (any case), or matching a quick filter (all pages). */
async function targets(core: PortierCore, session: SessionSlot, emails: readonly string[], filter: 'never_invited' | 'invitation_expired' | null): Promise<{ ids: number[]; missing: string[] }> {
  if (filter) {
    const ids: number[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await core.call(session, 'portal-accounts:list', { filter, offset, limit: 500 });
      ids.push(...page.rows.map((r) => r.id));
      if (page.rows.length < 500) return { ids, missing: [] };
    }
  }
  const ids: number[] = [];
  const missing: string[] = [];
  for (const email of emails) {
    const row = await core.deps.db.selectFrom('portal_account').select('id').where('username_key', '=', email.trim().toLocaleLowerCase('en')).executeTakeFirst();
    if (row) ids.push(row.id);
    else missing.push(email);
  }
  return { ids, missing };
}

/** "Activate account" from the command line: fresh tokens and codes, mails queued, letters made; one line per account. */
export async function sendActivation(
  core: PortierCore,
  session: SessionSlot,
  options: { emails: readonly string[]; neverInvited: boolean; expired: boolean; json: boolean },
): Promise<number> {
  const modes = [options.emails.length > 0, options.neverInvited, options.expired].filter(Boolean).length;
  if (modes !== 1) throw new CliFailure('Name accounts by email, or give exactly one of --never-invited and --expired.');
  const filter = options.neverInvited ? 'never_invited' : options.expired ? 'invitation_expired' : null;
  const { ids, missing } = await targets(core, session, options.emails, filter);
  for (const email of missing) console.error(`portier: no portal account ${email}`);
  const usernames = new Map((await core.deps.db.selectFrom('portal_account').select(['id', 'username']).where('id', 'in', ids.length > 0 ? ids : [0]).execute()).map((r) => [r.id, r.username]));
  let sent = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const r of await core.call(session, 'portal-accounts:send-activation', { ids: ids.slice(i, i + CHUNK) })) {
      if (r.outcome === 'sent') sent += 1;
      const username = usernames.get(r.accountId) ?? `#${r.accountId}`;
      if (options.json) console.log(exportJson({ ...r, username }));
      else console.log(r.outcome === 'sent' ? `sent     ${username}  (valid until ${r.expiresAt ?? ''})` : `skipped  ${username}  (${r.outcome.replace('skipped_', '').replace('_', ' ')})`);
    }
  }
  if (!options.json) console.log(`${sent} activation${sent === 1 ? '' : 's'} sent, ${ids.length - sent} skipped${missing.length > 0 ? `, ${missing.length} not found` : ''}. Mails wait in the outbox: a running Portier sends them, or send them now with npm run portier -- outbox send.`);
  return missing.length > 0 ? EXIT_FAILURE : EXIT_OK;
}
