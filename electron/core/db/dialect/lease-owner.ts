import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * SQLite: the role itself. One data folder has one back office (its lock, back-office-lock.ts),
 * so the role names one process, and a process restarted after a crash is the same owner: it
 * takes back the mails it left in 'sending' at once.
 */
export function ownDataFolderLeaseOwner(role: string): string {
  return role;
}

/**
 * PostgreSQL: several desktops and portals share the database, each in the same role, so a role
 * names no single process: each process owns its leases alone (its role, host, process id and a
 * random part, against reused process ids). A restarted process is a new owner; what a crashed
 * one held is taken over, by any process, when its lease runs out.
 */
export function sharedDatabaseLeaseOwner(role: string): string {
  return `${role}@${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}
