import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract, type ChannelName } from '../../shared/api';
import type { Access } from '../../shared/contract';
import { newSessionSlot, type SessionSlot } from '../../electron/core/auth/session';
import { channelSamples, createSampleRows, type SampleIds } from '../support/channel-samples';
import { databaseFingerprint, signedIn, startTestCore, type TestCore } from '../support/core';

/**
 * Who may call what, cell by cell: every channel x {anonymous, staff, staff who may
 * grant portal access, administrator}, through the dispatcher every transport uses.
 * A refused call answers UNAUTHENTICATED or FORBIDDEN and changes nothing; an allowed
 * one is never refused for who the caller is (it may still fail for other reasons).
 */
type Role = 'anonymous' | 'staff' | 'granter' | 'administrator';
const ROLES: readonly Role[] = ['anonymous', 'staff', 'granter', 'administrator'];

const ALLOWED: Record<Access, readonly Role[]> = {
  public: ROLES,
  staff: ['staff', 'granter', 'administrator'],
  grant: ['granter', 'administrator'],
  admin: ['administrator'],
};

let t: TestCore;
let ids: SampleIds;
const sessions = {} as Record<Role, SessionSlot>;

beforeAll(async () => {
  t = await startTestCore();
  ids = await createSampleRows(t);
  await t.call('staff:create', { name: 'Plain Staff', email: 'plain@example.com', password: 'Quiet-Harbour-72', role: 'staff', mayGrantAccess: false });
  await t.call('staff:create', { name: 'Grant Staff', email: 'grant@example.com', password: 'Quiet-Harbour-75', role: 'staff', mayGrantAccess: true });
  sessions.anonymous = newSessionSlot();
  sessions.staff = await signedIn(t.core, 'plain@example.com', 'Quiet-Harbour-72');
  sessions.granter = await signedIn(t.core, 'grant@example.com', 'Quiet-Harbour-75');
  sessions.administrator = t.admin;
});
afterAll(async () => {
  await t.close();
});

// Session and setup channels change who is signed in; they run last so the other cells keep their caller.
const LAST = (name: ChannelName) => name.startsWith('session:') || name.startsWith('setup:');
const ORDERED = [...CHANNEL_NAMES.filter((n) => !LAST(n)), ...CHANNEL_NAMES.filter(LAST)];

describe('the authorisation matrix', () => {
  it('names the portal-access channels as grant-only and role groups and the policy as admin-only', () => {
    const grant = CHANNEL_NAMES.filter((n) => contract[n].access === 'grant').sort();
    expect(grant).toEqual([
      'documents:delete',
      'documents:letters-pdf',
      'documents:open',
      'documents:print-start',
      'documents:print-status',
      'outbox:cancel',
      'outbox:retry',
      'portal-accounts:change-username',
      'portal-accounts:create',
      'portal-accounts:create-for-persons',
      'portal-accounts:delete',
      'portal-accounts:delete-matching',
      'portal-accounts:import',
      'portal-accounts:preview-activation',
      'portal-accounts:preview-activation-matching',
      'portal-accounts:send-activation',
      'portal-accounts:send-set-password-link',
      'portal-accounts:set-active',
      'portal-accounts:set-active-matching',
      'portal-accounts:set-password',
      'portal-accounts:update',
    ]);
    for (const name of ['role-groups:create', 'role-groups:update', 'role-groups:delete', 'password-policy:update'] as const) {
      expect(contract[name].access, name).toBe('admin');
    }
  });

  for (const role of ROLES) {
    describe(`as ${role}`, () => {
      for (const name of ORDERED) {
        const allowed = ALLOWED[contract[name].access].includes(role);
        it(`${allowed ? 'may' : 'may not'} call ${name}`, async () => {
          const before = await databaseFingerprint(t.core);
          const result = await t.core.invoke(sessions[role], name, channelSamples(ids)[name]);
          const refusedForCaller = !result.ok && ['UNAUTHENTICATED', 'FORBIDDEN'].includes(result.error.code);
          if (allowed) {
            expect(refusedForCaller, `${role} was refused ${name}: ${result.ok ? '' : result.error.message}`).toBe(false);
          } else {
            expect(result.ok).toBe(false);
            if (!result.ok) expect(result.error.code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
            expect(await databaseFingerprint(t.core), `${role} changed the database through ${name}`).toBe(before);
          }
        });
      }
    });
  }
});
