import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract, type ChannelName } from '../../shared/api';
import { commandLineApi, commandLineContract, type CommandLineChannelName } from '../../shared/api/command-line';
import type { Access } from '../../shared/contract';
import { newSessionSlot, type SessionSlot } from '../../electron/core/auth/session';
import { commandLineHandlers } from '../../electron/core/command-line/command-line-handlers';
import { createDispatcher } from '../../electron/core/dispatch';
import { handlers } from '../../electron/core/handlers';
import type { CommandLine } from '../../electron/core/portier-core';
import type { Principal } from '../../electron/core/principal';
import type { Result } from '../../shared/result';
import { channelSamples, createSampleRows, type SampleIds } from '../support/channel-samples';
import { databaseFingerprint, signedIn, startTestCore, type TestCore } from '../support/core';

/**
 * Who may call what, cell by cell: every channel (the back office's and the command line's
 * own) x every kind of principal, through the dispatchers the shells use. A refused call
 * answers UNAUTHENTICATED, FORBIDDEN, or (a channel of another shell) UNKNOWN_CHANNEL and
 * changes nothing; an allowed one is never refused for who the caller is (it may still fail
 * for other reasons).
 *
 * Nothing resolves a portal account or staff viewing as a contact yet; those rows drive the
 * back office's (or the command line's) own contract and handlers with a dispatcher that
 * resolves that principal, as the portal's and the "view as contact" shell will.
 */
type Caller = 'anonymous' | 'staff' | 'granter' | 'administrator' | 'cli' | 'cli-granter' | 'portal-account' | 'staff-viewing-as';
const CALLERS: readonly Caller[] = ['anonymous', 'staff', 'granter', 'administrator', 'cli', 'cli-granter', 'portal-account', 'staff-viewing-as'];

/** Who may call a channel of each access level; portal accounts and staff viewing as a contact none. */
const ALLOWED: Record<Access, readonly Caller[]> = {
  public: ['anonymous', 'staff', 'granter', 'administrator', 'cli', 'cli-granter'],
  staff: ['staff', 'granter', 'administrator', 'cli', 'cli-granter'],
  grant: ['granter', 'administrator', 'cli', 'cli-granter'],
  admin: ['administrator', 'cli'],
  // The desktop window before sign-in may too (office-database:*), but not this matrix's anonymous slot, which names no shell:
  // postgres-office-database.test.ts calls them from the desktop's slot ('app') and from a browser tab's.
  'admin-or-desktop': ['administrator', 'cli'],
  // The portal's levels: no back-office channel has them (the portal's own matrix is portal-authorisation-matrix.test.ts).
  'portal-public': [],
  portal: [],
};

/** The callers that come in through the back office (desktop window, browser tab). */
const BACK_OFFICE: readonly Caller[] = ['anonymous', 'staff', 'granter', 'administrator'];

const COMMAND_LINE_ONLY = Object.keys(commandLineApi) as (keyof typeof commandLineApi)[];

/** A valid input for every channel only the command line offers. */
const commandLineSamples = (ids: SampleIds): Record<keyof typeof commandLineApi, Record<string, unknown>> => ({
  'portal-accounts:find-by-username': { usernames: ['SAMPLE@example.com', 'nobody@example.com'] },
  'portal-accounts:complete-activation': { token: 'no-such-token', code: 'AAAA-AAAA-AAAA', password: 'Lantern-Orbit-42' },
  'portal-accounts:set-demo-activation-states': {
    states: [{ id: ids.account, sentAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-15T00:00:00.000Z', activatedAt: null, lastSignInAt: null }],
  },
  'documents:pending-letters': {},
});

let t: TestCore;
let ids: SampleIds;
const sessions = {} as Record<'anonymous' | 'staff' | 'granter' | 'administrator', SessionSlot>;
const cli = {} as Record<'cli' | 'cli-granter', CommandLine>;
let principals: Record<'portal-account' | 'staff-viewing-as', Principal>;

beforeAll(async () => {
  t = await startTestCore();
  ids = await createSampleRows(t);
  await t.call('staff:create', { name: 'Plain Staff', email: 'plain@example.com', password: 'Quiet-Harbour-72', role: 'staff', mayGrantAccess: false });
  const granter = await t.call('staff:create', { name: 'Grant Staff', email: 'grant@example.com', password: 'Quiet-Harbour-75', role: 'staff', mayGrantAccess: true });
  sessions.anonymous = newSessionSlot();
  sessions.staff = await signedIn(t.core, 'plain@example.com', 'Quiet-Harbour-72');
  sessions.granter = await signedIn(t.core, 'grant@example.com', 'Quiet-Harbour-75');
  sessions.administrator = t.admin;
  cli.cli = t.core.commandLine();
  cli['cli-granter'] = t.core.commandLine({ as: 'grant@example.com' });
  const administrator = await t.call('session:current', {});
  principals = {
    'portal-account': { kind: 'portal-account', accountId: ids.account, organisationId: ids.organisation, personId: ids.person },
    // An administrator looking through the account's eyes may still do nothing of the back office's.
    'staff-viewing-as': {
      kind: 'staff-viewing-as',
      staff: { kind: 'staff', staffId: administrator?.id ?? 0, name: administrator?.name ?? '', role: 'administrator', mayGrantAccess: true, via: 'app' },
      accountId: ids.account,
      organisationId: ids.organisation,
    },
  };
  expect(granter.mayGrantAccess).toBe(true);
});
afterAll(async () => {
  await t.close();
});

/** The back office's (or the command line's) contract and handlers, in a dispatcher that resolves every call to PRINCIPAL. */
function dispatcherFor(shell: 'back office' | 'command line', principal: Principal) {
  const resolvePrincipal = async () => principal;
  const dispatch =
    shell === 'back office'
      ? createDispatcher({ contract, handlers, resolvePrincipal })
      : createDispatcher({ contract: commandLineContract, handlers: commandLineHandlers, resolvePrincipal });
  return (channel: string, input: unknown) => dispatch(t.core.deps, newSessionSlot(), channel, input);
}

/** One call of CHANNEL by CALLER, through the way that caller comes in. */
function callAs(caller: Caller, channel: CommandLineChannelName, input: unknown): Promise<Result<unknown>> {
  const isCommandLineOnly = (COMMAND_LINE_ONLY as string[]).includes(channel);
  switch (caller) {
    case 'cli':
    case 'cli-granter':
      return cli[caller].invoke(channel, input);
    case 'portal-account':
    case 'staff-viewing-as':
      return dispatcherFor(isCommandLineOnly ? 'command line' : 'back office', principals[caller])(channel, input);
    default:
      return t.core.invoke(sessions[caller], channel, input);
  }
}

/** What a caller who may not call the channel is answered. */
function refusalFor(caller: Caller, channel: CommandLineChannelName): string {
  if (BACK_OFFICE.includes(caller) && (COMMAND_LINE_ONLY as string[]).includes(channel)) return 'UNKNOWN_CHANNEL';
  return caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
}

// Session and setup channels change who is signed in; they run last so the other cells keep their caller.
const LAST = (name: string) => name.startsWith('session:') || name.startsWith('setup:');
const ALL: CommandLineChannelName[] = [...CHANNEL_NAMES, ...COMMAND_LINE_ONLY];
const ORDERED = [...ALL.filter((n) => !LAST(n)), ...ALL.filter(LAST)];

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
      'portal-accounts:end-sessions',
      'portal-accounts:import',
      'portal-accounts:preview-activation',
      'portal-accounts:preview-activation-matching',
      'portal-accounts:send-activation',
      'portal-accounts:send-set-password-link',
      'portal-accounts:set-active',
      'portal-accounts:set-active-matching',
      'portal-accounts:set-password',
      'portal-accounts:update',
      'ticket-rights:grant',
      'ticket-rights:preview',
      'ticket-rights:revoke',
    ]);
    for (const name of ['role-groups:create', 'role-groups:update', 'role-groups:delete', 'password-policy:update'] as const) {
      expect(contract[name].access, name).toBe('admin');
    }
    // issue 11: the category list and locking time are administrators' work; the rest of ticket work is any staff user's.
    for (const name of ['ticket-categories:create', 'ticket-categories:update', 'ticket-categories:archive', 'time-entries:lock'] as const) {
      expect(contract[name].access, name).toBe('admin');
    }
    for (const name of ['projects:create', 'tasks:create', 'tickets:create', 'tickets:update', 'tickets:comment', 'time-entries:book', 'time-entries:delete'] as const) {
      expect(contract[name].access, name).toBe('staff');
    }
  });

  it('lets any staff user run bulk ticket actions, and offers none to staff viewing as a contact (view-as is read-only)', () => {
    expect(contract['tickets:bulk-update'].access).toBe('staff');
    for (const name of ['tickets:move-start', 'tickets:bulk-update-start', 'tickets:job-status', 'tickets:job-cancel'] as const) expect(contract[name].access, name).toBe('staff');
    expect(CHANNEL_NAMES.filter((n) => n.startsWith('ticket-view:') && n.includes('bulk'))).toEqual([]);
  });

  it('lets any staff user read hour cards and the hours report, and only administrators change hour cards', () => {
    for (const name of ['hour-cards:list', 'hours:report', 'hours:report-csv', 'hours:report-pdf'] as const) expect(contract[name].access, name).toBe('staff');
    for (const name of ['hour-cards:create', 'hour-cards:delete'] as const) expect(contract[name].access, name).toBe('admin');
  });

  it('lets only administrators read the access review report, in every format', () => {
    for (const name of ['reports:access', 'reports:access-csv', 'reports:access-xlsx', 'reports:access-pdf'] as const) expect(contract[name].access, name).toBe('admin');
  });

  it('has a valid sample for every channel only the command line offers, and none of them is a back-office channel', () => {
    const samples = commandLineSamples(ids);
    expect(Object.keys(samples).sort()).toEqual([...COMMAND_LINE_ONLY].sort());
    for (const name of COMMAND_LINE_ONLY) {
      expect(name in contract, name).toBe(false);
      const parsed = commandLineApi[name].input.safeParse(samples[name]);
      expect(parsed.success, `${name}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
    }
  });

  for (const caller of CALLERS) {
    describe(`as ${caller}`, () => {
      for (const name of ORDERED) {
        const allowed = ALLOWED[commandLineContract[name].access].includes(caller) && !(BACK_OFFICE.includes(caller) && (COMMAND_LINE_ONLY as string[]).includes(name));
        it(`${allowed ? 'may' : 'may not'} call ${name}`, async () => {
          const sample = (COMMAND_LINE_ONLY as string[]).includes(name)
            ? commandLineSamples(ids)[name as keyof typeof commandLineApi]
            : channelSamples(ids)[name as ChannelName];
          const before = await databaseFingerprint(t.core);
          const result = await callAs(caller, name, sample);
          const refusedForCaller = !result.ok && ['UNAUTHENTICATED', 'FORBIDDEN', 'UNKNOWN_CHANNEL'].includes(result.error.code);
          if (allowed) {
            expect(refusedForCaller, `${caller} was refused ${name}: ${result.ok ? '' : result.error.message}`).toBe(false);
          } else {
            expect(result.ok).toBe(false);
            if (!result.ok) expect(result.error.code).toBe(refusalFor(caller, name));
            expect(await databaseFingerprint(t.core), `${caller} changed the database through ${name}`).toBe(before);
          }
        });
      }
    });
  }
});

describe("the back office's dispatcher", () => {
  it('refuses a portal-account principal on every channel, before reading the input, and changes nothing', async () => {
    const asPortalAccount = dispatcherFor('back office', principals['portal-account']);
    const before = await databaseFingerprint(t.core);
    for (const name of CHANNEL_NAMES) {
      // No input at all: a refusal for the caller comes before input validation.
      const result = await asPortalAccount(name, undefined);
      expect(result, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await databaseFingerprint(t.core)).toBe(before);
  });

  it('does not know the command line’s own channels, whoever calls', async () => {
    for (const name of COMMAND_LINE_ONLY) {
      const result = await t.core.invoke(t.admin, name, commandLineSamples(ids)[name]);
      expect(result, name).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });
});
