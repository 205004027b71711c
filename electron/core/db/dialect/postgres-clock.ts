import { CLOCKS_APART_MS } from '../../../../shared/api/office-database';

/** The server's clock, in ms since 1970, as one row with a column ms. */
export const SERVER_CLOCK_SQL = 'SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS ms';

/**
 * How far the database server's clock is from this computer's (positive: the server's is ahead).
 * Each Portier process judges leases (a mail being sent, five minutes) and running jobs (silent
 * for a minute: interrupted) by its own clock against times other processes wrote with theirs,
 * so the desks and the portal of one office must keep their clocks close; the server's clock is
 * the one they all can see. `readServerMs` runs SERVER_CLOCK_SQL on the connection at hand.
 */
export async function serverClockOffsetMs(readServerMs: () => Promise<number>, clock: () => number = Date.now): Promise<number> {
  const before = clock();
  const server = await readServerMs();
  const after = clock();
  // The server read its clock somewhere in the round trip: its middle is the best guess.
  return server - (before + after) / 2;
}

/** What `check` says of the offset, and whether it is a problem. */
export function describeClockOffset(offsetMs: number): { text: string; problem: boolean } {
  const seconds = Math.abs(offsetMs) / 1000;
  if (seconds < 1) return { text: 'clock: in step with the server (within 1 s)', problem: false };
  const way = offsetMs > 0 ? 'ahead of' : 'behind';
  const text = `clock: the server's clock is ${seconds.toFixed(0)} s ${way} this computer's`;
  if (Math.abs(offsetMs) < CLOCKS_APART_MS) return { text, problem: false };
  return { text: `${text}: too far apart for an office whose desks judge each other's mail leases and jobs by their clocks; set every computer's clock from a time server (NTP)`, problem: true };
}
