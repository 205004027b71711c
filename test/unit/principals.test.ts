import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { newSessionSlot } from '../../electron/core/auth/session';
import type { CoreDeps } from '../../electron/core/context';
import { createDispatcher } from '../../electron/core/dispatch';
import { auditOriginOf, mayCall, type Principal, type StaffPrincipal } from '../../electron/core/principal';
import { currentAuditOrigin } from '../../electron/core/audit/audit-origin';
import { channel, type Access } from '../../shared/contract';

const staff = (role: 'administrator' | 'staff', mayGrantAccess: boolean, via: StaffPrincipal['via'] = 'app'): StaffPrincipal => ({
  kind: 'staff',
  staffId: 7,
  name: 'Sam',
  role,
  mayGrantAccess,
  via,
});
const administrator = staff('administrator', true);
const portalAccount: Principal = { kind: 'portal-account', accountId: 3, organisationId: 4, personId: null };
const viewingAs: Principal = { kind: 'staff-viewing-as', staff: administrator, accountId: 3, organisationId: 4 };

const ACCESS: readonly Access[] = ['public', 'staff', 'grant', 'admin'];

describe('mayCall: who may call a back-office channel', () => {
  const outcome = (access: Access, principal: Principal | null) => mayCall(access, principal)?.code ?? 'allowed';

  it('lets nobody signed in call only public channels', () => {
    expect(ACCESS.map((a) => outcome(a, null))).toEqual(['allowed', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
  });

  it('lets staff by role and grant flag, the same from every shell', () => {
    for (const via of ['app', 'browser', 'cli'] as const) {
      expect(ACCESS.map((a) => outcome(a, staff('staff', false, via)))).toEqual(['allowed', 'allowed', 'FORBIDDEN', 'FORBIDDEN']);
      expect(ACCESS.map((a) => outcome(a, staff('staff', true, via)))).toEqual(['allowed', 'allowed', 'allowed', 'FORBIDDEN']);
      expect(ACCESS.map((a) => outcome(a, staff('administrator', false, via)))).toEqual(['allowed', 'allowed', 'allowed', 'allowed']);
    }
  });

  it('refuses a portal account and staff viewing as a contact on every level, public included, whatever the staff user may do', () => {
    expect(ACCESS.map((a) => outcome(a, portalAccount))).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(ACCESS.map((a) => outcome(a, viewingAs))).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
  });
});

describe('mayCall: admin-or-desktop (issue 13: choosing the office database)', () => {
  it('lets nobody signed in call it only from a slot the desktop window made, never a browser tab, the command line or a slot that names no shell', () => {
    expect(mayCall('admin-or-desktop', null, 'app')).toBeNull();
    expect(mayCall('admin-or-desktop', null, 'browser')?.code).toBe('UNAUTHENTICATED');
    expect(mayCall('admin-or-desktop', null, 'cli')?.code).toBe('UNAUTHENTICATED');
    expect(mayCall('admin-or-desktop', null)?.code).toBe('UNAUTHENTICATED');
  });

  it('lets signed-in administrators call it from every shell, and refuses other staff, portal accounts and viewing-as even at the desktop', () => {
    for (const via of ['app', 'browser', 'cli'] as const) {
      expect(mayCall('admin-or-desktop', staff('administrator', false, via), via)).toBeNull();
      expect(mayCall('admin-or-desktop', staff('staff', true, via), via)?.code).toBe('FORBIDDEN');
    }
    expect(mayCall('admin-or-desktop', portalAccount, 'app')?.code).toBe('FORBIDDEN');
    expect(mayCall('admin-or-desktop', viewingAs, 'app')?.code).toBe('FORBIDDEN');
  });
});

describe('auditOriginOf', () => {
  it('records the command line as such, the desktop and browser mode as the app, and a portal account as the portal', () => {
    expect(auditOriginOf(staff('staff', true, 'cli'), 'app')).toBe('cli');
    expect(auditOriginOf(staff('staff', true, 'browser'), 'browser')).toBe('app');
    expect(auditOriginOf(staff('staff', true, 'app'), 'app')).toBe('app');
    expect(auditOriginOf({ kind: 'staff-viewing-as', staff: staff('staff', true, 'cli'), accountId: 1, organisationId: 2 }, 'app')).toBe('cli');
    expect(auditOriginOf(portalAccount, 'app')).toBe('portal');
    // Nobody signed in yet (first set-up from seed-demo): the shell's own way in.
    expect(auditOriginOf(null, 'cli')).toBe('cli');
    expect(auditOriginOf(null, 'browser')).toBe('app');
  });
});

/** Two small contracts, standing for two shells. */
const backOfficeLike = {
  'notes:read': channel({ access: 'staff', input: z.strictObject({ id: z.number() }), output: z.object({ text: z.string() }) }),
  'notes:hello': channel({ access: 'public', input: z.strictObject({}), output: z.string() }),
} as const;
const portalLike = {
  'tickets:mine': channel({ access: 'staff', input: z.strictObject({}), output: z.array(z.number()) }),
} as const;

const noteHandlers = {
  'notes:read': async (input: { id: number }) => ({ text: `note ${input.id}`, secret: 'never leaves' }),
  'notes:hello': async () => 'hello',
};
const deps = {} as CoreDeps;

describe('createDispatcher', () => {
  it('answers only its own contract’s channels, checks the principal before the input, and shapes the output', async () => {
    let resolved: Principal | null = null;
    let origin = '';
    const dispatch = createDispatcher({
      contract: backOfficeLike,
      handlers: {
        ...noteHandlers,
        'notes:hello': async () => {
          origin = currentAuditOrigin();
          return 'hello';
        },
      },
      resolvePrincipal: async () => resolved,
    });
    const session = newSessionSlot('cli');
    expect(await dispatch(deps, session, 'tickets:mine', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await dispatch(deps, session, 'notes:read', 'not even an object')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await dispatch(deps, session, 'notes:hello', {})).toEqual({ ok: true, value: 'hello' });
    expect(origin).toBe('cli');
    resolved = portalAccount;
    expect(await dispatch(deps, session, 'notes:read', 'not even an object')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    resolved = staff('staff', false);
    expect(await dispatch(deps, session, 'notes:read', 'not even an object')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await dispatch(deps, session, 'notes:read', { id: 2 })).toEqual({ ok: true, value: { text: 'note 2' } });
  });

  it('does not compile with a handler map that misses a channel of its contract or has one of another', () => {
    const resolvePrincipal = async () => null;
    // @ts-expect-error: 'notes:hello' has no handler
    createDispatcher({ contract: backOfficeLike, handlers: { 'notes:read': noteHandlers['notes:read'] }, resolvePrincipal });
    const withPortalChannel = { ...noteHandlers, 'tickets:mine': async () => [1] };
    // @ts-expect-error: 'tickets:mine' is a channel of another contract
    createDispatcher({ contract: backOfficeLike, handlers: withPortalChannel, resolvePrincipal });
    // @ts-expect-error: the back office's handlers for the portal's contract
    createDispatcher({ contract: portalLike, handlers: noteHandlers, resolvePrincipal });
    expect(typeof createDispatcher({ contract: portalLike, handlers: { 'tickets:mine': async () => [1] }, resolvePrincipal })).toBe('function');
  });
});
