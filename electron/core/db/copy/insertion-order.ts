import type { ForeignKeyShape, TableShape } from '../dialect/catalogue';

/**
 * The tables in an order in which every foreign key refers to a table that came before (parents
 * first), read from the schema's own foreign keys; among tables that are free to go, by name, so
 * the order is the same on every run. References of a table to itself are left to
 * `parentsFirst`. Neither database lets Portier switch its foreign keys off without more rights
 * (PostgreSQL's replica mode needs a superuser), so the order is what keeps them satisfied.
 */
export function insertionOrder(tables: readonly TableShape[]): TableShape[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const waitingFor = new Map(tables.map((t) => [t.name, new Set(t.foreignKeys.map((k) => k.parent).filter((p) => p !== t.name && byName.has(p)))]));
  const order: TableShape[] = [];
  while (waitingFor.size > 0) {
    const ready = [...waitingFor].filter(([, parents]) => parents.size === 0).map(([name]) => name).sort();
    if (ready.length === 0) {
      throw new Error(`The tables ${[...waitingFor.keys()].sort().join(', ')} refer to each other in a loop: copy-to cannot put parents first.`);
    }
    for (const name of ready) {
      waitingFor.delete(name);
      order.push(byName.get(name) as TableShape);
      for (const parents of waitingFor.values()) parents.delete(name);
    }
  }
  return order;
}

/** The foreign keys of a table that refer to the table itself (an organisation's parent organisation). */
export function selfReferences(table: TableShape): ForeignKeyShape[] {
  return table.foreignKeys.filter((k) => k.parent === table.name);
}

/** The referenced key's values as one text, or null when a column is null (the row refers to nothing). */
function keyText(row: Record<string, unknown>, columns: readonly string[]): string | null {
  const values = columns.map((c) => row[c]);
  return values.some((v) => v === null || v === undefined) ? null : JSON.stringify(values);
}

/**
 * The rows of a table that refers to itself, each after the row it refers to (a parent
 * organisation before its children, whatever their ids), otherwise in the order given. A row
 * that refers to a row not among them is left where it is: the database's foreign key then says
 * what is wrong.
 */
export function parentsFirst<R extends Record<string, unknown>>(table: string, rows: readonly R[], references: readonly ForeignKeyShape[]): R[] {
  if (references.length === 0) return [...rows];
  const present = references.map((ref) => new Set(rows.map((row) => keyText(row, ref.parentColumns)).filter((k) => k !== null)));
  const waiting = new Map<R, number>();
  const dependents = new Map<string, R[]>();
  for (const row of rows) {
    let count = 0;
    references.forEach((ref, i) => {
      const target = keyText(row, ref.columns);
      // A row that refers to itself can go in at once: its key exists when the check runs.
      if (target === null || !present[i]?.has(target) || target === keyText(row, ref.parentColumns)) return;
      count += 1;
      const slot = `${i}:${target}`;
      dependents.set(slot, [...(dependents.get(slot) ?? []), row]);
    });
    waiting.set(row, count);
  }
  const order = rows.filter((row) => waiting.get(row) === 0);
  for (let next = 0; next < order.length; next++) {
    const row = order[next] as R;
    references.forEach((ref, i) => {
      const key = keyText(row, ref.parentColumns);
      for (const child of key === null ? [] : (dependents.get(`${i}:${key}`) ?? [])) {
        const left = (waiting.get(child) ?? 0) - 1;
        waiting.set(child, left);
        if (left === 0) order.push(child);
      }
    });
  }
  if (order.length < rows.length) throw new Error(`Rows of ${table} refer to each other in a loop: copy-to cannot put parents first.`);
  return order;
}
