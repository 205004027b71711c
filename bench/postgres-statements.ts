import pg from 'pg';

/**
 * The hand-written queries' way to PostgreSQL: node-postgres on a pool of its own, each SQL text
 * a named (server-side prepared) statement, parsed and planned once per connection as a
 * careful engineer would, and written with named parameters (@name) as the SQLite bench's are.
 */
export interface Statements {
  rows<R>(text: string, params?: Record<string, unknown>): Promise<R[]>;
  close(): Promise<void>;
}

/** `text` with @name parameters as $1, $2, ... and the values in that order. */
function positional(text: string, params: Record<string, unknown>): { text: string; names: string[] } {
  const names: string[] = [];
  const out = text.replace(/@([a-z_][a-z0-9_]*)/gi, (_m, name: string) => {
    if (!(name in params)) throw new Error(`no value for @${name} in: ${text}`);
    let index = names.indexOf(name);
    if (index < 0) index = names.push(name) - 1;
    return `$${index + 1}`;
  });
  return { text: out, names };
}

/** A pool of `connections` (the core's detail queries run side by side, and so may these). */
export function statementsOn(url: string, connections = 3): Statements {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  pool.on('error', () => undefined);
  const named = new Map<string, { name: string; text: string; names: string[] }>();
  return {
    async rows<R>(text: string, params: Record<string, unknown> = {}) {
      const key = `${text}\u0000${Object.keys(params).sort().join(',')}`;
      let statement = named.get(key);
      if (!statement) {
        statement = { name: `hand_${named.size + 1}`, ...positional(text, params) };
        named.set(key, statement);
      }
      const result = await pool.query({ name: statement.name, text: statement.text, values: statement.names.map((n) => params[n]) });
      return result.rows as R[];
    },
    close: () => pool.end(),
  };
}
