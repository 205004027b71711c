import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendActivations, type IssuedActivation } from '../../electron/core/activation/activation-service';
import { newSessionSlot } from '../../electron/core/auth/session';
import { openPortierCore } from '../../electron/core/portier-core';
import { runPortier } from '../support/cli';
import { ADMIN, setTestPortalUrl, tempDataDir } from '../support/core';
import { recordingIssued } from '../support/recording-ports';

let temp: ReturnType<typeof tempDataDir>;
let issued: IssuedActivation;

beforeAll(async () => {
  temp = tempDataDir('portier-cli-activation-');
  const core = await openPortierCore({ dataDir: temp.dir });
  const admin = newSessionSlot();
  const me = await core.call(admin, 'setup:create-administrator', { ...ADMIN });
  const org = await core.call(admin, 'organisations:create', { name: 'Brouwerij De Ster' });
  const groups = await core.call(admin, 'role-groups:list', {});
  const account = await core.call(admin, 'portal-accounts:create', { username: 'anna@example.com', links: [{ organisationId: org.id, isDefault: true }], roleGroupIds: [groups[0]?.id ?? 0] });
  await setTestPortalUrl(core);
  const actor = { id: me.id, name: me.name, role: 'administrator' as const, mayGrantAccess: true };
  const sent: IssuedActivation[] = [];
  await sendActivations(recordingIssued(core.deps, sent), actor, [account.id]);
  issued = sent[0] as IssuedActivation;
  await core.close();
});
afterAll(() => temp.remove());

describe('portier activate', () => {
  it('refuses a wrong code with the generic answer, then activates with the letter code and the password from stdin', async () => {
    const wrong = await runPortier(['activate', `--token=${issued.token}`, '--code', 'AAAA-AAAA-AAAA', '--data-dir', temp.dir], {}, 'Lantern-Orbit-42\n');
    expect(wrong.code, wrong.stderr).toBe(1);
    expect(wrong.stderr).toMatch(/not valid/);
    const ok = await runPortier(['activate', `--token=${issued.token}`, '--code', issued.code.toLowerCase(), '--data-dir', temp.dir], {}, 'Lantern-Orbit-42\n');
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(/Activated portal account anna@example.com/);
    const list = await runPortier(['accounts', 'list', '--json', '--data-dir', temp.dir]);
    expect(JSON.parse(list.stdout.trim().split('\n')[0] ?? '{}')).toMatchObject({ username: 'anna@example.com', status: 'active' });
  });

  it('explains what is missing', async () => {
    const run = await runPortier(['activate', '--code', 'X', '--data-dir', temp.dir], {}, '');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--token is required/);
  });
});
