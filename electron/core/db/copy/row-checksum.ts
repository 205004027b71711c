import { createHash, type Hash } from 'node:crypto';

/**
 * One value as canonical text, the same for the same data whichever database it comes from:
 * integers as their digits, text as it is (after its length, so no text can pass for two
 * values), null as a marker of its own, binary data as hex. Portier's schema holds integers and
 * text; anything else (a Date, a boolean from a column Portier does not make) is refused rather
 * than given a spelling that might differ between the databases.
 */
export function canonicalValue(value: unknown): string {
  if (value === null || value === undefined) return 'N';
  if (typeof value === 'bigint') return `i${value.toString()}`;
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return `i${value}`;
    if (Number.isFinite(value)) return `r${value}`;
  }
  if (typeof value === 'string') return `t${value.length}:${value}`;
  if (value instanceof Uint8Array) return `x${Buffer.from(value).toString('hex')}`;
  throw new Error(`copy-to cannot compare a value of this kind: ${Object.prototype.toString.call(value)} ${String(value)}`);
}

/** A row's values, in the given column order, as one canonical line. */
export function canonicalRow(row: Record<string, unknown>, columns: readonly string[]): string {
  return `${columns.map((c) => canonicalValue(row[c])).join('|')}\n`;
}

/** The count and a SHA-256 over the canonical lines of a table's rows, fed in key order. */
export class TableChecksum {
  #hash: Hash = createHash('sha256');
  #rows = 0;

  constructor(readonly columns: readonly string[]) {}

  add(rows: readonly Record<string, unknown>[]): void {
    for (const row of rows) this.#hash.update(canonicalRow(row, this.columns), 'utf8');
    this.#rows += rows.length;
  }

  result(): { rows: number; checksum: string } {
    return { rows: this.#rows, checksum: this.#hash.digest('hex') };
  }
}
