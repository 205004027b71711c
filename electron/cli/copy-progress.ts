import type { CopyProgress } from '../core/db/copy/copy-database';

const count = new Intl.NumberFormat('en-US');

export interface ProgressOptions {
  /** Where the lines go: standard error, so standard output keeps only the result. */
  write?: (text: string) => void;
  /** A terminal gets one line rewritten in place; a log or a pipe gets whole lines, seldom. */
  terminal?: boolean;
  now?: () => number;
  /** Smaller tables are copied too quickly to need a word. */
  minRows?: number;
}

/**
 * copy-to's progress, "portal_account 40,000 of 120,000", for the tables large enough to take a
 * while: in a terminal at most ten times a second on one line, elsewhere (CI logs, a pipe) at
 * most once a second, and the table's last line whenever it is done.
 */
export function progressPrinter(options: ProgressOptions = {}): CopyProgress {
  const write = options.write ?? ((text: string) => void process.stderr.write(text));
  const terminal = options.terminal ?? process.stderr.isTTY === true;
  const now = options.now ?? Date.now;
  const minRows = options.minRows ?? 10_000;
  const interval = terminal ? 100 : 1_000;
  let last = Number.NEGATIVE_INFINITY;
  return (table, copied, total) => {
    if (total < minRows) return;
    const done = copied >= total;
    const time = now();
    if (!done && time - last < interval) return;
    last = time;
    const line = `${table} ${count.format(copied)} of ${count.format(total)}`;
    if (terminal) write(`\r${line}\u001b[K${done ? '\n' : ''}`);
    else write(`${line}\n`);
  };
}
