/**
 * npm run bench: the customer portal's ticket list page (/tickets) for a signed-in customer at
 * 1M tickets, under load from a second process (autocannon on the loopback, bounded), next to
 * the same Fastify server answering a static file (/assets/portal.css) in the same run.
 * The customer is the ticket bench's contact: rights on 20 projects of every scope.
 * Goal (issue 12, point 10): p99 <= 50 ms and at least 40 % of the static page's throughput.
 * Options: --size 1000000  --seconds 10  --connections 8  --keep (leave the data folder).
 * Writes bench-results-portal.json (gitignored).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { newSessionSlot } from '../electron/core/auth/session';
import { openSqlite } from '../electron/core/db/connection';
import { portalSessionSlot } from '../electron/core/portal-sessions/portal-slot';
import { openPortierCore } from '../electron/core/portier-core';
import { startPortalServer } from '../electron/portal/portal-server';
import { generateTickets } from './generate-tickets';

const GOAL_P99_MS = 50;
const GOAL_SHARE = 0.4;
const ADMIN = { name: 'Bench Admin', email: 'bench@example.com', password: 'Quiet-Harbour-2026' };
const CUSTOMER = { username: 'bench.customer@example.com', password: 'Amber-Lighthouse-61' };

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
}

function load(url: string, cookie: string, seconds: number, connections: number): Promise<Load> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'portal-load.ts'), url, cookie, String(seconds), String(connections)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Load) : reject(new Error(`load generator exited with ${code}`))));
  });
}

const { values } = parseArgs({ options: { size: { type: 'string', default: '1000000' }, seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '8' }, keep: { type: 'boolean', default: false } } });
const size = Number(values.size);
const seconds = Number(values.seconds);
const connections = Number(values.connections);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-bench-portal-'));
try {
  let core = await openPortierCore({ dataDir });
  await core.call(newSessionSlot(), 'setup:create-administrator', ADMIN);
  const file = core.databaseFile;
  await core.close();
  const writer = openSqlite(file);
  const t0 = performance.now();
  const generated = generateTickets(writer, size, new Date());
  const organisationId = (writer.prepare('SELECT organisation_id AS id FROM person WHERE id = ?').get(generated.benchPersonId) as { id: number }).id;
  writer.close();
  console.log(`\n${size.toLocaleString('en')} tickets generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  core = await openPortierCore({ dataDir, resourcesDir: path.resolve('resources') });
  const staff = newSessionSlot();
  await core.call(staff, 'session:sign-in', { email: ADMIN.email, password: ADMIN.password });
  await core.call(staff, 'ticket-rights:update-settings', { ticketRightsOnInternalProjects: true, customerTicketAccessReadOnly: false });
  const group = await core.call(staff, 'role-groups:create', { name: 'Bench customers', permissions: ['tickets.read'] });
  const account = await core.call(staff, 'portal-accounts:create', { username: CUSTOMER.username, links: [{ organisationId, personId: generated.benchPersonId, isDefault: true }], roleGroupIds: [group.id] });
  await core.call(staff, 'portal-accounts:set-password', { id: account.id, password: CUSTOMER.password });
  const slot = portalSessionSlot({ token: null, clientAddress: '127.0.0.1', userAgent: 'bench' });
  await core.portalCall(slot, 'portal-session:sign-in', CUSTOMER);
  const cookie = `portier-session=${slot.portal?.token ?? ''}`;

  const server = await startPortalServer({ core, resourcesDir: path.resolve('resources'), port: 0 });
  try {
    // A first request warms the page cache and the statement caches.
    const warm = await fetch(`${server.url}/tickets`, { headers: { cookie } });
    if (warm.status !== 200) throw new Error(`/tickets answered ${warm.status} for the signed-in customer`);
    const staticLoad = await load(`${server.url}/assets/portal.css`, '', seconds, connections);
    const pageLoad = await load(`${server.url}/tickets`, cookie, seconds, connections);
    const share = pageLoad.requestsPerSecond / staticLoad.requestsPerSecond;
    const meetsGoal = pageLoad.p99 <= GOAL_P99_MS && share >= GOAL_SHARE && pageLoad.failed === 0;
    console.log(`\nload: ${connections} connections for ${seconds} s each, from a second process; figures in requests/s and ms`);
    console.log('page                          req/s      p50      p99   failed');
    for (const [name, l] of [['static file (portal.css)', staticLoad], ['ticket list (/tickets)', pageLoad]] as const) {
      console.log(`${name.padEnd(26)} ${l.requestsPerSecond.toFixed(0).padStart(8)} ${l.p50.toFixed(1).padStart(8)} ${l.p99.toFixed(1).padStart(8)} ${String(l.failed).padStart(8)}`);
    }
    console.log(`\nticket list: ${(share * 100).toFixed(0)} % of the static file's throughput, p99 ${pageLoad.p99} ms; goal: p99 <= ${GOAL_P99_MS} ms and >= ${GOAL_SHARE * 100} %: ${meetsGoal ? 'ok' : 'MISSED'}`);
    fs.writeFileSync('bench-results-portal.json', `${JSON.stringify({ size, seconds, connections, staticLoad, pageLoad, share, meetsGoal }, null, 2)}\n`);
  } finally {
    await server.close();
    await core.close();
  }
} finally {
  if (values.keep) console.log(`kept ${dataDir}`);
  else fs.rmSync(dataDir, { recursive: true, force: true });
}
