import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api';
import { portalContract, type PortalChannelName } from '../../shared/portal-api';
import type { Access } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { SessionSlot } from '../../electron/core/auth/session';
import { createDispatcher } from '../../electron/core/dispatch';
import { portalHandlers } from '../../electron/core/portal-handlers';
import type { Principal } from '../../electron/core/principal';
import { databaseFingerprint, startTestCore, type TestCore } from '../support/core';
import { CUSTOMER_PASSWORD, customerWithPassword, portalSlot, signedInCustomer } from '../support/portal';

/**
 * The portal's matrix: every portal channel x every kind of caller, through the portal's own
 * dispatcher. Customers (signed in or not yet) reach the portal's levels; a staff user, also one
 * viewing as a contact, is refused even when a dispatcher resolves them for a portal channel;
 * and the back office answers UNKNOWN_CHANNEL for every portal channel. A refusal changes nothing.
 */
type Caller = 'nobody' | 'customer' | 'staff' | 'staff-viewing-as';
const CALLERS: readonly Caller[] = ['nobody', 'customer', 'staff', 'staff-viewing-as'];

const ALLOWED: Partial<Record<Access, readonly Caller[]>> = {
  'portal-public': ['nobody', 'customer'],
  portal: ['customer'],
};

let t: TestCore;
let customerSlot: SessionSlot;
/** A customer with codes by SMS, for the channels that act on a sign-in waiting for its second step. */
let twoStepUsername: string;
const MID_SIGN_IN: readonly PortalChannelName[] = ['portal-session:verify-two-step', 'portal-session:send-sms-code'];
let principals: Record<'staff' | 'staff-viewing-as', Principal>;

/**
 * A valid input for every portal channel; a new channel does not compile until it has one.
 * Channels that end the caller's sign-in run last (see LAST).
 */
const SAMPLES: Record<PortalChannelName, Record<string, unknown>> = {
  'portal-session:current': {},
  'portal-session:sign-in': { username: 'nobody@example.com', password: 'Wrong-Password-1' },
  'portal-session:sign-out': {},
  'portal-session:switch-organisation': { organisationId: 999_999 },
  'portal-branding:get': {},
  'portal-branding:logo': {},
  'portal-preferences:get': {},
  'portal-preferences:update': { language: 'nl', notifyStatusChanges: false },
  'portal-hours:report': { interval: 'month', from: '2026-01-01', to: '2026-03-31' },
  'portal-tickets:list': {},
  'portal-tickets:options': {},
  'portal-tickets:get': { number: 10_001 },
  'portal-tickets:create': { projectId: 999_999, taskId: 999_999, title: 'Printer on the second floor' },
  'portal-tickets:comment': { number: 10_001, body: 'Any news?' },
  'portal-tickets:accept': { number: 10_001 },
  'portal-tickets:reject': { number: 10_001, reason: 'Still broken.' },
  'portal-links:open': { kind: 'activation', token: 'no-such-token' },
  'portal-links:get': { kind: 'activation', state: 'A'.repeat(43) },
  'portal-activation:activate': { state: 'A'.repeat(43), code: 'ACDF-GHJK-MN7P', password: 'Amber-Lighthouse-99' },
  'portal-password:set': { state: 'A'.repeat(43), password: 'Amber-Lighthouse-99' },
  'portal-password:forgot': { username: 'nobody@example.com' },
  'portal-password:rules': {},
  'portal-password:change': { currentPassword: 'Not-The-Password-1', password: 'Amber-Lighthouse-99' },
  'portal-session:two-step-challenge': {},
  'portal-session:verify-two-step': { code: '123456' },
  'portal-session:send-sms-code': {},
  'portal-two-step:status': {},
  'portal-two-step:start-totp': {},
  'portal-two-step:start-sms': {},
  'portal-two-step:confirm': { method: 'totp', code: '123456' },
  'portal-two-step:disable': { password: 'Not-The-Password-1' },
  'portal-two-step:new-recovery-codes': { password: 'Not-The-Password-1' },
};

const LAST = (name: string) => name === 'portal-session:sign-out' || name === 'portal-session:sign-in';
const NAMES = Object.keys(portalContract) as PortalChannelName[];
const ORDERED = [...NAMES.filter((n) => !LAST(n)), ...NAMES.filter(LAST)];

beforeAll(async () => {
  t = await startTestCore();
  const customer = await customerWithPassword(t);
  // The hours report needs its permission: the customer's refusals must be for who they are, not what their groups grant.
  await t.call('role-groups:update', { id: customer.roleGroupId, name: 'Customers', permissions: ['tickets.read', 'tickets.create', 'tickets.comment', 'tickets.accept_reject', 'reports.hours'] });
  customerSlot = await signedInCustomer(t, customer.username);
  const twoStep = await customerWithPassword(t, 'ines@example.com', 'Ștefan & Søn SRL');
  await t.core.deps.db.updateTable('person').set({ mobile: '+40 721 000 111' }).where('id', '=', twoStep.personId).execute();
  await t.core.deps.db.updateTable('portal_account').set({ two_step_method: 'sms', two_step_enabled_at: '2026-01-01T00:00:00.000Z' }).where('id', '=', twoStep.accountId).execute();
  twoStepUsername = twoStep.username;
  const administrator = await t.call('session:current', {});
  const staff: Principal = { kind: 'staff', staffId: administrator?.id ?? 0, name: administrator?.name ?? '', role: 'administrator', mayGrantAccess: true, via: 'app' };
  principals = {
    staff,
    'staff-viewing-as': { kind: 'staff-viewing-as', staff: { ...staff, kind: 'staff' }, accountId: customer.accountId, organisationId: customer.organisationId },
  };
});
afterAll(() => t.close());

async function callAs(caller: Caller, channel: PortalChannelName, input: unknown): Promise<Result<unknown>> {
  // Nobody is signed in yet while the second step is asked for: a fresh sign-in waits for it.
  if ((caller === 'nobody' || caller === 'customer') && MID_SIGN_IN.includes(channel)) {
    const waiting = portalSlot();
    await t.core.portalCall(waiting, 'portal-session:sign-in', { username: twoStepUsername, password: CUSTOMER_PASSWORD });
    return t.core.portal(waiting, channel, input);
  }
  if (caller === 'nobody') return t.core.portal(portalSlot(), channel, input);
  if (caller === 'customer') return t.core.portal(customerSlot, channel, input);
  const principal = principals[caller];
  const dispatch = createDispatcher({ contract: portalContract, handlers: portalHandlers, resolvePrincipal: async () => principal });
  return dispatch(t.core.deps, portalSlot(), channel, input);
}

describe('the portal authorisation matrix', () => {
  it('has a valid sample for every portal channel, and no portal channel is a back-office channel', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) {
      expect(name in contract, name).toBe(false);
      const parsed = portalContract[name].input.safeParse(SAMPLES[name]);
      expect(parsed.success, `${name}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
      expect(['portal-public', 'portal'], name).toContain(portalContract[name].access);
    }
  });

  it('answers UNKNOWN_CHANNEL for every portal channel in the back office, changing nothing', async () => {
    const before = await databaseFingerprint(t.core);
    for (const name of NAMES) {
      const result = await t.core.invoke(t.admin, name, SAMPLES[name]);
      expect(result.ok ? 'ok' : result.error.code, name).toBe('UNKNOWN_CHANNEL');
    }
    expect(await databaseFingerprint(t.core)).toBe(before);
  });

  for (const caller of CALLERS) {
    describe(`as ${caller}`, () => {
      for (const name of ORDERED) {
        const allowed = (ALLOWED[portalContract[name].access] ?? []).includes(caller);
        it(`${allowed ? 'may' : 'may not'} call ${name}`, async () => {
          const before = await databaseFingerprint(t.core);
          const result = await callAs(caller, name, SAMPLES[name]);
          const refused = !result.ok && ['UNAUTHENTICATED', 'FORBIDDEN'].includes(result.error.code);
          if (allowed) {
            expect(refused, result.ok ? '' : `${result.error.code}: ${result.error.message}`).toBe(false);
          } else {
            expect(refused, result.ok ? 'allowed' : result.error.code).toBe(true);
            expect(result.ok ? null : result.error.code).toBe(caller === 'nobody' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
            expect(await databaseFingerprint(t.core)).toBe(before);
          }
        });
      }
    });
  }
});
