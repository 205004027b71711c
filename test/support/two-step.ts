import fs from 'node:fs';
import path from 'node:path';
import { generate } from 'otplib';
import type { SessionSlot } from '../../electron/core/auth/session';
import type { TestCore } from './core';

/** The authenticator app's code for this secret at the core's time (what the customer's phone shows). */
export const totpCode = (t: TestCore, secret: string, offsetSeconds = 0): Promise<string> =>
  generate({ secret, epoch: Math.floor(t.core.deps.clock().getTime() / 1000) + offsetSeconds });

/** Gives the customer's linked person a mobile number (SMS codes go there). */
export async function giveMobile(t: TestCore, customer: { organisationId: number; personId: number }, mobile = '+31 6 1234 5678'): Promise<void> {
  await t.call('persons:update', { id: customer.personId, organisationId: customer.organisationId, firstName: 'Erik', lastName: 'Łukasz', mobile });
}

/** The code in the newest SMS kept as a file in the data folder (no gateway set). */
export function codeFromNewestSmsFile(t: TestCore): string {
  const dir = path.join(t.core.dataDir, 'outbox');
  const newest = fs.readdirSync(dir).filter((f) => f.endsWith('.sms.txt')).sort().at(-1);
  if (!newest) throw new Error('no SMS was kept as a file');
  const code = /\b(\d{6})\b/.exec(fs.readFileSync(path.join(dir, newest), 'utf8'))?.[1];
  if (!code) throw new Error(`no code in ${newest}`);
  return code;
}

/** Turns on TOTP for the signed-in slot's account through the portal channels; answers the secret and the recovery codes. */
export async function turnOnTotp(t: TestCore, slot: SessionSlot): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await t.core.portalCall(slot, 'portal-two-step:start-totp', {});
  const secret = started.pendingTotp?.secret ?? '';
  const { recoveryCodes } = await t.core.portalCall(slot, 'portal-two-step:confirm', { method: 'totp', code: await totpCode(t, secret) });
  return { secret, recoveryCodes };
}
