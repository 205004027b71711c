import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A PostgreSQL server of the test's own, for what the shared one on 127.0.0.1:5432 cannot show
 * (it trusts every local connection, without TLS): passwords (scram-sha-256) and TLS with a
 * certificate of a throwaway CA, made out to "localhost" only. Started from the machine's
 * PostgreSQL binaries in a temporary folder, on a free port, and removed by stop().
 */
export interface PasswordPostgres {
  port: number;
  /** A role that must give its password, and a database it owns. */
  user: string;
  password: string;
  database: string;
  /** The throwaway CA's certificate (PEM), which signed the server's. */
  caFile: string;
  stop(): Promise<void>;
}

/** Appended to the name of a test skipped for want of PostgreSQL's binaries. */
export const NO_PASSWORD_POSTGRES = ' (skipped: no PostgreSQL binaries (initdb, pg_ctl) or openssl to start a server with passwords and TLS)';

/** The newest installed PostgreSQL's bin folder (Debian keeps them under /usr/lib/postgresql/N/bin), or null; null too without openssl, which makes the certificates. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  const hasOpenssl = (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && fs.existsSync(path.join(dir, 'openssl')));
  if (!fs.existsSync(root) || !hasOpenssl) return null;
  const versions = fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = path.join(root, version, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** initdb refuses to run as root: as root, the server's files belong to (and its commands run as) the postgres user. */
async function serverUser(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  return { uid, gid };
}

export async function startPasswordPostgres(): Promise<PasswordPostgres | null> {
  const bin = postgresBinDir();
  if (!bin) return null;
  const owner = await serverUser();
  const asServer = (command: string, args: string[]) => (owner ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-pg-'));
  const data = path.join(dir, 'data');
  const file = (name: string) => path.join(dir, name);
  const superPassword = 'Super-Secret-Test-1';
  // Two EC certificates: fast to make, and what a careful office would use anyway.
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run('openssl', ['req', '-x509', ...ec, '-keyout', file('ca.key'), '-out', file('ca.crt'), '-days', '2', '-subj', '/CN=Portier test CA']);
  await run('openssl', ['req', ...ec, '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=localhost']);
  fs.writeFileSync(file('server.ext'), 'subjectAltName=DNS:localhost\n');
  await run('openssl', ['x509', '-req', '-in', file('server.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file('server.crt'), '-days', '2', '-extfile', file('server.ext')]);
  fs.chmodSync(file('server.key'), 0o600);
  fs.writeFileSync(file('pw'), `${superPassword}\n`);
  if (owner) {
    for (const name of fs.readdirSync(dir)) fs.chownSync(path.join(dir, name), owner.uid, owner.gid);
    fs.chownSync(dir, owner.uid, owner.gid);
  }
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  await asServer(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${file('pw')}`, '-E', 'UTF8', '--no-sync']);
  fs.appendFileSync(
    path.join(data, 'postgresql.conf'),
    [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      'ssl = on',
      `ssl_cert_file = '${file('server.crt')}'`,
      `ssl_key_file = '${file('server.key')}'`,
      'fsync = off',
      'max_connections = 20',
      'shared_buffers = 16MB',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(data, 'pg_hba.conf'), 'local all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\n');
  await asServer(path.join(bin, 'pg_ctl'), ['-D', data, '-l', file('log'), '-w', '-t', '30', 'start']);
  const stop = async () => {
    await asServer(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const user = 'portier_office';
  const password = 'Office-Pass/word:@1';
  const database = 'portier_office';
  try {
    const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: superPassword, database: 'postgres', ssl: false });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${user} LOGIN PASSWORD '${password}'`);
      await admin.query(`CREATE DATABASE ${database} OWNER ${user}`);
    } finally {
      await admin.end();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, user, password, database, caFile: file('ca.crt'), stop };
}
