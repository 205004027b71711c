import { describe, expect, it } from 'vitest';
import { progressPrinter } from '../../electron/cli/copy-progress';
import type { TableShape } from '../../electron/core/db/dialect/catalogue';
import { insertionOrder, parentsFirst, selfReferences } from '../../electron/core/db/copy/insertion-order';
import { canonicalRow, canonicalValue, TableChecksum } from '../../electron/core/db/copy/row-checksum';

const table = (name: string, parents: string[] = []): TableShape => ({
  name,
  columns: [{ name: 'id', generated: false, text: false }],
  key: ['id'],
  foreignKeys: parents.map((parent) => ({ parent, columns: [`${parent}_id`], parentColumns: ['id'] })),
});

describe('copy-to: insertion order', () => {
  it('puts every parent table before the tables that refer to it, the rest by name', () => {
    const order = insertionOrder([table('ticket', ['project', 'staff']), table('staff'), table('project', ['organisation']), table('organisation', ['organisation']), table('audit_log', ['staff'])]);
    expect(order.map((t) => t.name)).toEqual(['organisation', 'staff', 'audit_log', 'project', 'ticket']);
  });

  it('refuses tables that refer to each other in a loop, naming them', () => {
    expect(() => insertionOrder([table('a', ['b']), table('b', ['a']), table('c')])).toThrow('The tables a, b refer to each other in a loop');
  });

  it('orders the rows of a table that refers to itself parents first, whatever their ids', () => {
    const organisation = table('organisation');
    organisation.foreignKeys = [{ parent: 'organisation', columns: ['parent_id'], parentColumns: ['id'] }];
    const rows = [
      { id: 1, parent_id: 5 },
      { id: 2, parent_id: null },
      { id: 3, parent_id: 1 },
      { id: 4, parent_id: 4 },
      { id: 5, parent_id: 6 },
      { id: 6, parent_id: null },
      { id: 7, parent_id: 99 },
    ];
    const order = parentsFirst('organisation', rows, selfReferences(organisation)).map((r) => r.id);
    expect(order).toHaveLength(rows.length);
    // 6 before 5 before 1 before 3; a row referring to itself or to a missing row goes as it comes.
    expect(order).toEqual([2, 4, 6, 7, 5, 1, 3]);
    expect(() => parentsFirst('organisation', [{ id: 1, parent_id: 2 }, { id: 2, parent_id: 1 }], selfReferences(organisation))).toThrow('refer to each other in a loop');
  });

  it('follows a self-reference over two columns', () => {
    const refs = [{ parent: 'node', columns: ['up_a', 'up_b'], parentColumns: ['a', 'b'] }];
    const rows = [
      { a: 1, b: 'x', up_a: 2, up_b: 'y' },
      { a: 2, b: 'y', up_a: null, up_b: null },
    ];
    expect(parentsFirst('node', rows, refs).map((r) => r.a)).toEqual([2, 1]);
  });
});

describe('copy-to: row checksum', () => {
  it('spells values the same whichever driver gave them, and each kind apart', () => {
    expect(canonicalValue(42)).toBe(canonicalValue(42n));
    expect(canonicalValue(null)).toBe(canonicalValue(undefined));
    expect(canonicalValue('42')).not.toBe(canonicalValue(42));
    expect(canonicalValue('N')).not.toBe(canonicalValue(null));
    expect(canonicalValue(Buffer.from([0, 255]))).toBe('x00ff');
    expect(canonicalValue(new Uint8Array([0, 255]))).toBe('x00ff');
    expect(canonicalValue('Łódź Straße')).toBe('t11:Łódź Straße');
    expect(() => canonicalValue(new Date(0))).toThrow('cannot compare');
    expect(() => canonicalValue(true)).toThrow('cannot compare');
  });

  it('cannot be fooled by a separator inside a text', () => {
    const columns = ['a', 'b'];
    expect(canonicalRow({ a: 'x|ty', b: 'z' }, columns)).not.toBe(canonicalRow({ a: 'x', b: 'y|tz' }, columns));
    expect(canonicalRow({ a: 'x\n', b: null }, columns)).not.toBe(canonicalRow({ a: 'x', b: '\n' }, columns));
  });

  it('counts rows and changes with any value or the order of rows', () => {
    const sum = (rows: Record<string, unknown>[]) => {
      const checksum = new TableChecksum(['id', 'name']);
      checksum.add(rows);
      return checksum.result();
    };
    const rows = [
      { id: 1, name: 'Ørsted' },
      { id: 2, name: 'Ștefănescu' },
    ];
    expect(sum(rows).rows).toBe(2);
    expect(sum(rows).checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(sum(rows)).toEqual(sum(rows.map((r) => ({ ...r }))));
    expect(sum(rows).checksum).not.toBe(sum([rows[0] as Record<string, unknown>, { id: 2, name: 'Stefanescu' }]).checksum);
    expect(sum(rows).checksum).not.toBe(sum([...rows].reverse()).checksum);
  });
});

describe('copy-to: progress', () => {
  it('elsewhere than a terminal: the first batch, then at most one line a second, and the last one', () => {
    const lines: string[] = [];
    let time = 0;
    const progress = progressPrinter({ write: (t) => lines.push(t), terminal: false, now: () => time });
    progress('setting', 2, 2);
    for (let copied = 1_000; copied <= 120_000; copied += 1_000) {
      progress('portal_account', copied, 120_000);
      time += 50;
    }
    expect(lines[0]).toBe('portal_account 1,000 of 120,000\n');
    expect(lines.at(-1)).toBe('portal_account 120,000 of 120,000\n');
    // 120 batches over 6 s: a line each second and the last.
    expect(lines.length).toBe(7);
  });

  it('in a terminal: one line rewritten in place, ended when the table is done', () => {
    const lines: string[] = [];
    let time = 0;
    const progress = progressPrinter({ write: (t) => lines.push(t), terminal: true, now: () => time });
    for (let copied = 5_000; copied <= 20_000; copied += 5_000) {
      progress('ticket', copied, 20_000);
      time += 150;
    }
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('\rticket 5,000 of 20,000\u001b[K');
    expect(lines.at(-1)).toBe('\rticket 20,000 of 20,000\u001b[K\n');
  });
});
