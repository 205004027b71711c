import {
  AliasNode,
  DeleteQueryNode,
  FromNode,
  InsertQueryNode,
  RawNode,
  SqliteQueryCompiler,
  TableNode,
  UpdateQueryNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

/**
 * The tables a raw `sql` statement writes: INSERT [OR …] INTO t, REPLACE INTO t, UPDATE [OR …] t,
 * DELETE FROM t, wherever they stand in the statement (after a WITH, too); an upsert's
 * ON CONFLICT DO UPDATE writes the INSERT's table, already counted.
 */
const RAW_WRITE = /\b(?:(?:INSERT(?:\s+OR\s+\w+)?|REPLACE)\s+INTO|DELETE\s+FROM|(?<!\bDO\s+)UPDATE(?:\s+OR\s+\w+)?)\s+["'`[]?(\w+)/gi;

function namesOf(node: OperationNode | undefined): string[] {
  if (!node) return [];
  if (TableNode.is(node)) return [node.table.identifier.name];
  if (AliasNode.is(node)) return namesOf(node.node);
  if (FromNode.is(node)) return node.froms.flatMap(namesOf);
  return [];
}

/** The tables one query node writes; nested nodes (a write inside a WITH, a raw fragment inside a builder) included. */
function writtenTables(node: OperationNode, queryId: PluginTransformQueryArgs['queryId'], into: Set<string>): void {
  if (InsertQueryNode.is(node)) namesOf(node.into).forEach((name) => into.add(name));
  else if (UpdateQueryNode.is(node)) namesOf(node.table).forEach((name) => into.add(name));
  else if (DeleteQueryNode.is(node)) namesOf(node.from).forEach((name) => into.add(name));
  else if (RawNode.is(node)) {
    const compiled = new SqliteQueryCompiler().compileQuery(node as RootOperationNode, queryId);
    // String literals are text, not statements: 'UPDATE x' in a WHERE writes nothing.
    const statement = compiled.sql.replace(/'(?:[^']|'')*'/g, "''");
    for (const match of statement.matchAll(RAW_WRITE)) into.add(match[1] as string);
  }
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object' && typeof (child as { kind?: unknown }).kind === 'string') writtenTables(child as OperationNode, queryId, into);
    }
  }
}

/**
 * A Kysely plugin that sees every query the core runs (transformQuery is handed each query
 * node before it is compiled) and notes the tables that query inserts into, updates or deletes
 * from. It changes nothing: the node goes on as it came. Writes that SQLite makes by itself
 * (triggers, ON DELETE CASCADE) are not queries and are not seen here.
 */
export class TableWriteRecorder implements KyselyPlugin {
  readonly tables = new Set<string>();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    writtenTables(args.node, args.queryId, this.tables);
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }

  /** The tables written since the last reset, sorted. */
  take(): string[] {
    const tables = [...this.tables].sort();
    this.tables.clear();
    return tables;
  }
}
