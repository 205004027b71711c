import { describe, expect, it } from 'vitest';
import type { ImportRow } from '../../shared/api/account-import';
import { runImport } from '../../shared/account-import/run-import';

const row = (line: number, nickname = ''): ImportRow => ({ line, email: `u${line}@example.com`, organisation: 'Acme', person: '', groups: '', nickname, language: '' });
const created = (rows: ImportRow[]) => rows.map((r) => ({ line: r.line, email: r.email, outcome: 'created' as const, accountId: r.line, reason: null }));

describe('runImport', () => {
  it('cuts chunks by rows and by bytes, so long fields never make a request too large', async () => {
    const sizes: number[] = [];
    const rows = [...Array.from({ length: 5 }, (_, i) => row(i + 2, 'ä'.repeat(900))), ...Array.from({ length: 5 }, (_, i) => row(i + 7))];
    const report = await runImport({ rows, rejected: [] }, async (chunk) => (sizes.push(chunk.length), created(chunk)), { dryRun: false, chunkSize: 4, maxChunkBytes: 4000 });
    // Each long row is about 1,900 bytes of JSON (ä is two bytes): two fit in 4,000; then four rows at most.
    expect(sizes).toEqual([2, 2, 4, 2]);
    expect(report.outcomes.map((o) => o.line)).toEqual(rows.map((r) => r.line));
  });

  it('stops between chunks when cancelled, keeping what was done and the file rejections up to there', async () => {
    const controller = new AbortController();
    const rejected = [10, 3000].map((line) => ({ line, email: '', outcome: 'rejected' as const, accountId: null, reason: { code: 'email_empty' as const, params: {} } }));
    const rows = Array.from({ length: 3000 }, (_, i) => row(i + 2)).filter((r) => r.line !== 10 && r.line !== 3000);
    const report = await runImport({ rows, rejected }, async (chunk) => (controller.abort(), created(chunk)), { dryRun: false, signal: controller.signal });
    expect(report.cancelled).toBe(true);
    expect(report.outcomes).toHaveLength(1001);
    expect(report.outcomes.filter((o) => o.outcome === 'rejected').map((o) => o.line)).toEqual([10]);
  });
});
