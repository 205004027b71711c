import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSessionSlot } from '../../electron/core/auth/session';
import type { Principal } from '../../electron/core/principal';
import { createDispatcher } from '../../electron/core/dispatch';
import { portalHandlers } from '../../electron/core/portal-handlers';
import { portalContract } from '../../shared/portal-api';
import { portalPasswordApi } from '../../shared/portal-api/passwords';
import { databaseFingerprint, startTestCore, type TestCore } from '../support/core';
import { customerWithPassword, portalSlot, signedInCustomer } from '../support/portal';

/** The password channels of the portal, each with an input that passes validation. */
const NAMES = Object.keys(portalPasswordApi) as (keyof typeof portalPasswordApi)[];
const STATE = 's'.repeat(43);
const SAMPLES: Record<keyof typeof portalPasswordApi, unknown> = {
  'portal-links:open': { kind: 'activation', token: 'x'.repeat(43) },
  'portal-links:get': { kind: 'set-password', state: STATE },
  'portal-activation:activate': { state: STATE, code: 'ACDE-FGHJ-KMNP', password: 'Lantern-Orbit-42' },
  'portal-password:set': { state: STATE, password: 'Lantern-Orbit-42' },
  'portal-password:forgot': { username: 'nobody@example.com' },
  'portal-password:rules': {},
  'portal-password:change': { currentPassword: 'Not-The-Password-1', password: 'Lantern-Orbit-42' },
};

let t: TestCore;
let staff: Principal;

beforeAll(async () => {
  t = await startTestCore();
  await customerWithPassword(t);
  const admin = await t.call('session:current', {});
  staff = { kind: 'staff', staffId: admin?.id ?? 0, name: admin?.name ?? '', role: 'administrator', mayGrantAccess: true, via: 'app' };
});
afterAll(() => t.close());

describe('who may call the portal’s password channels', () => {
  it('portal-public ones anonymously (a bad link answers as one, not as a refusal); portal ones only signed in', async () => {
    for (const name of NAMES) {
      const before = await databaseFingerprint(t.core);
      const result = await t.core.portal(portalSlot(), name, SAMPLES[name]);
      if (portalContract[name].access === 'portal') {
        expect(result, name).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
        expect(await databaseFingerprint(t.core), name).toBe(before);
      } else {
        expect(result.ok ? 'ok' : result.error.code, name).toMatch(/^(ok|INVALID_TOKEN)$/);
      }
    }
  });

  it('a signed-in customer may call every one of them', async () => {
    const customer = await signedInCustomer(t, 'erik@example.com');
    for (const name of NAMES) {
      const result = await t.core.portal(customer, name, SAMPLES[name]);
      expect(result.ok ? 'ok' : result.error.code, name).toMatch(/^(ok|INVALID_TOKEN|VALIDATION)$/);
    }
  });

  it('staff reach none of them: unknown to the back office and the command line, refused by the portal’s dispatcher before the input is read', async () => {
    const before = await databaseFingerprint(t.core);
    const cli = t.core.commandLine();
    for (const principal of [staff, { kind: 'staff-viewing-as', staff, accountId: null, organisationId: null } as Principal]) {
      const dispatch = createDispatcher({ contract: portalContract, handlers: portalHandlers, resolvePrincipal: async () => principal });
      for (const name of NAMES) {
        expect(await dispatch(t.core.deps, newSessionSlot(), name, undefined), `${principal.kind} ${name}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    for (const name of NAMES) {
      expect(await t.core.invoke(t.admin, name, SAMPLES[name]), name).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      expect(await cli.invoke(name, SAMPLES[name]), name).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(await databaseFingerprint(t.core)).toBe(before);
  });
});
