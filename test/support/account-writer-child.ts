/**
 * One more Portier process on a shared PostgreSQL database, as another desktop (and the portal
 * on its customers' behalf) is: once the test writes "go" to its stdin, it creates COUNT portal
 * accounts PREFIX0@example.com... through the channels, and along the way sends activations in
 * chunks, activates some accounts with what their mail and letter carry (the portal's service),
 * and switches some off and on again. It prints "ready" when signed in, then one JSON line
 * `done {...}` naming which account had what done to it, and what goes wrong on stderr.
 * Usage: node --import tsx account-writer-child.ts DATA_DIR DATABASE_URL PREFIX COUNT SETUP_JSON
 * SETUP_JSON: {"organisationIds": number[], "roleGroupId": number}
 */
import readline from 'node:readline';
import { activateAccount } from '../../electron/core/activation/activation-service';
import { newSessionSlot } from '../../electron/core/auth/session';
import { letterOf } from '../../electron/core/documents/letter-document';
import { openPortierCore } from '../../electron/core/portier-core';
import { ADMIN } from './core';

const [dataDir, databaseUrl, prefix, count, setupJson] = process.argv.slice(2);
if (!dataDir || !databaseUrl || !prefix || !count || !setupJson) throw new Error('usage: account-writer-child.ts DATA_DIR DATABASE_URL PREFIX COUNT SETUP_JSON');
const setup = JSON.parse(setupJson) as { organisationIds: number[]; roleGroupId: number };

/** What this process did, account by account (ids), for the test to hold the database to. */
export interface WriterReport {
  created: number[];
  /** One entry per activation sent (an account may be sent twice). */
  sent: number[];
  activated: number[];
  deactivated: number[];
  reactivated: number[];
}

const core = await openPortierCore({ dataDir, databaseUrl });
const session = newSessionSlot();
await core.call(session, 'session:sign-in', { email: ADMIN.email, password: ADMIN.password });
// Staff sessions time out when idle; the run is short, but a loaded machine may stretch it.
const call: typeof core.call = (slot, channel, input) => {
  slot.lastSeenAt = Date.now();
  return core.call(slot, channel, input);
};

process.stdout.write('ready\n');
await new Promise<void>((resolve) => {
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim() === 'go') {
      lines.close();
      resolve();
    }
  });
});

/** What the customer has after an activation: the mail's link token and the letter's code. */
async function invitationOf(accountId: number): Promise<{ token: string; code: string }> {
  const db = core.deps.db;
  const mail = await db.selectFrom('outbox_mail').select('secret_enc').where('account_id', '=', accountId).where('kind', '=', 'activation').orderBy('id', 'desc').executeTakeFirstOrThrow();
  const letter = await db.selectFrom('document').select('payload_enc').where('account_id', '=', accountId).where('kind', '=', 'activation-letter').orderBy('id', 'desc').executeTakeFirstOrThrow();
  if (!mail.secret_enc) throw new Error(`The activation mail of account ${accountId} carries no link.`);
  return { token: core.deps.secretBox.decrypt(mail.secret_enc), code: letterOf(core.deps.secretBox, letter.payload_enc).code };
}

const report: WriterReport = { created: [], sent: [], activated: [], deactivated: [], reactivated: [] };
const CHUNK = 10;
const total = Number(count);
for (let start = 0; start < total; start += CHUNK) {
  const chunk: number[] = [];
  for (let i = start; i < Math.min(start + CHUNK, total); i++) {
    const organisationId = setup.organisationIds[i % setup.organisationIds.length] as number;
    const account = await call(session, 'portal-accounts:create', {
      username: `${prefix}${i}@example.com`,
      links: [{ organisationId, isDefault: true }],
      roleGroupIds: [setup.roleGroupId],
    });
    report.created.push(account.id);
    chunk.push(account.id);
  }
  // Within a chunk (by position): 0-6 are invited, 7-9 never are; 0-2 activate; 0 is invited twice
  // (the first token voided); 3 and 7 are switched off; 4 is switched off and on again.
  const invited = chunk.slice(0, 7);
  for (const sent of [await call(session, 'portal-accounts:send-activation', { ids: invited }), await call(session, 'portal-accounts:send-activation', { ids: invited.slice(0, 1) })]) {
    for (const r of sent) {
      if (r.outcome !== 'sent') throw new Error(`Account ${r.accountId} got no activation: ${r.outcome}`);
      report.sent.push(r.accountId);
    }
  }
  for (const id of chunk.slice(0, 3)) {
    await activateAccount(core.deps, { ...(await invitationOf(id)), password: `Lantern-Orbit-${id}` });
    report.activated.push(id);
  }
  for (const id of [chunk[3], chunk[7], chunk[4]]) {
    if (id === undefined) continue;
    await call(session, 'portal-accounts:set-active', { id, active: false });
    report.deactivated.push(id);
  }
  if (chunk[4] !== undefined) {
    await call(session, 'portal-accounts:set-active', { id: chunk[4], active: true });
    report.reactivated.push(chunk[4]);
  }
}

process.stdout.write(`done ${JSON.stringify(report)}\n`);
await core.close();
