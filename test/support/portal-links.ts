import type { LightMyRequestResponse } from 'fastify';
import { sendActivations, type IssuedActivation } from '../../electron/core/activation/activation-service';
import { sendSetPasswordLink } from '../../electron/core/activation/password-reset-service';
import type { Actor } from '../../electron/core/context';
import type { TestCore } from './core';
import { recordingIssued } from './recording-ports';

/** The administrator of a test core as the actor of core services (who sends activations and links). */
export async function adminActor(t: TestCore): Promise<Actor> {
  const me = await t.call('session:current', {});
  return { id: me?.id ?? 0, name: me?.name ?? '', role: 'administrator', mayGrantAccess: true };
}

/** Sends the account its activation and hands back what the mail and the letter carry: the raw token and code. */
export async function invitation(t: TestCore, accountId: number): Promise<IssuedActivation> {
  const issued: IssuedActivation[] = [];
  await sendActivations(recordingIssued(t.core.deps, issued), await adminActor(t), [accountId]);
  const last = issued.at(-1);
  if (!last) throw new Error(`No activation was issued for account ${accountId}.`);
  return last;
}

/** Staff send the account a set-password link; the raw token as the queued mail carries it (decrypted from the outbox). */
export async function setPasswordLink(t: TestCore, accountId: number): Promise<string> {
  await sendSetPasswordLink(t.core.deps, await adminActor(t), accountId);
  return lastMailedToken(t, accountId);
}

/** The token of the newest link mail queued for the account, as the mail will carry it. */
export async function lastMailedToken(t: TestCore, accountId: number): Promise<string> {
  const mail = await t.core.deps.db
    .selectFrom('outbox_mail')
    .select('secret_enc')
    .where('account_id', '=', accountId)
    .where('secret_enc', 'is not', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!mail?.secret_enc) throw new Error(`No link mail was queued for account ${accountId}.`);
  return t.core.deps.secretBox.decrypt(mail.secret_enc);
}

/** The text a page announces as its error (role=alert), first paragraph. */
export function alertText(response: LightMyRequestResponse): string | null {
  return /role="alert"[^>]*>\s*(?:<p>)?([^<]+)</.exec(response.body)?.[1]?.trim() ?? null;
}

/** Everything a response shows the browser: status, headers (Location, Set-Cookie…) and body. */
export const everythingIn = (response: LightMyRequestResponse): string => `${response.statusCode}\n${JSON.stringify(response.headers)}\n${response.body}`;
