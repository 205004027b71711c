import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSessionSlot } from '../../electron/core/auth/session';
import { openPortierCore } from '../../electron/core/portier-core';
import { runPortier } from '../support/cli';
import { ADMIN, tempDataDir } from '../support/core';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

let temp: ReturnType<typeof tempDataDir>;
let sink: SmtpSink;
const data = () => ['--data-dir', temp.dir];

beforeAll(async () => {
  temp = tempDataDir('portier-cli-loop-');
  sink = await startSmtpSink();
  const core = await openPortierCore({ dataDir: temp.dir });
  const admin = newSessionSlot();
  await core.call(admin, 'setup:create-administrator', { ...ADMIN });
  const org = await core.call(admin, 'organisations:create', { name: 'Bäckerei Müller GmbH', postalCode: '50667', city: 'Köln' });
  const person = await core.call(admin, 'persons:create', { organisationId: org.id, firstName: 'Jürgen', lastName: 'Größe', email: 'j.groesse@example.de' });
  const groups = await core.call(admin, 'role-groups:list', {});
  await core.call(admin, 'portal-accounts:create', { username: 'j.groesse@example.de', links: [{ organisationId: org.id, personId: person.id, isDefault: true }], roleGroupIds: [groups[0]?.id ?? 0] });
  await core.close();
}, 60_000);
afterAll(async () => {
  await sink.close();
  temp.remove();
});

describe('the activation loop from the command line', () => {
  it('refuses to send an activation while the portal address is not set, and sets the address and the time zone', async () => {
    const refused = await runPortier(['accounts', 'send-activation', 'J.Groesse@example.de', ...data()]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The portal address is not set. Set it in Settings (or with: npm run portier -- settings portal --url URL)');
    const badUrl = await runPortier(['settings', 'portal', '--url', 'https://portal.example.com/?x=1', ...data()]);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('--url must be an http or https address without ? or #');
    const portal = await runPortier(['settings', 'portal', '--url', 'https://portal.example.com/', '--time-zone', 'Europe/Berlin', ...data()]);
    expect(portal.stderr).toBe('');
    expect(portal.stdout).toContain('Portal address: https://portal.example.com/; expiry times in Europe/Berlin.');
  }, 60_000);

  it('sends the activation, delivers the mail, prints the letter, and activates with the mailed token and the letter code', async () => {
    const smtp = await runPortier(['settings', 'smtp', '--host', '127.0.0.1', '--port', String(sink.port), '--tls', 'none', '--sender', 'portier@example.com', ...data()]);
    expect(smtp.stderr).toBe('');
    expect(smtp.stdout).toContain(`127.0.0.1:${sink.port} (none)`);

    const missing = await runPortier(['accounts', 'send-activation', 'nobody@example.com', ...data()]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no portal account nobody@example.com');

    const sent = await runPortier(['accounts', 'send-activation', 'J.Groesse@example.de', ...data()]);
    expect(sent.stdout).toMatch(/sent {5}j\.groesse@example\.de/);
    const listed = await runPortier(['outbox', 'list', '--json', ...data()]);
    expect(JSON.parse(listed.stdout.trim())).toMatchObject({ to: 'j.groesse@example.de', status: 'queued', kind: 'activation' });
    expect(listed.stdout).not.toMatch(/token=[\w-]{20,}/);

    const delivered = await runPortier(['outbox', 'send', ...data()]);
    expect(delivered.stdout).toContain('Sent 1');
    const token = /activate\?token=([\w-]{43})/.exec(sink.mails[0]?.body ?? '')?.[1];
    expect(token).toBeDefined();

    const pdf = path.join(temp.dir, 'letters.pdf');
    const letters = await runPortier(['letters', '--pending', '--out', pdf, ...data()]);
    expect(letters.stdout).toContain('1 letter written');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Jürgen Größe');
    const code = /([A-Z0-9](?:\s*[A-Z0-9]){3}\s*-\s*[A-Z0-9](?:\s*[A-Z0-9]){3}\s*-\s*[A-Z0-9](?:\s*[A-Z0-9]){3})/.exec(text)?.[1]?.replace(/\s/g, '');
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const activated = await runPortier(['activate', `--token=${token ?? ''}`, '--code', code ?? '', ...data()], {}, 'Lantern-Orbit-42\n');
    expect(activated.stderr).toBe('');
    expect(activated.stdout).toContain('Activated portal account j.groesse@example.de');
    const welcome = await runPortier(['outbox', 'list', '--status', 'queued', '--json', ...data()]);
    expect(JSON.parse(welcome.stdout.trim())).toMatchObject({ kind: 'welcome', to: 'j.groesse@example.de' });
    const accounts = await runPortier(['accounts', 'list', '--json', ...data()]);
    expect(JSON.parse(accounts.stdout.trim())).toMatchObject({ username: 'j.groesse@example.de', status: 'active' });
    expect((await runPortier(['letters', '--pending', '--out', path.join(temp.dir, 'again.pdf'), ...data()])).stdout).toContain('No pending activation letters.');
  }, 120_000);
});
