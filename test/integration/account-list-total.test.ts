import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAccounts } from '../../bench/generate-accounts';
import { contract } from '../../shared/api';
import { ACCOUNT_TOTAL_CAP } from '../../shared/api/portal-accounts';
import { openDatabase, type Db } from '../../electron/core/db/connection';
import { listPortalAccounts } from '../../electron/core/portal-accounts/account-list-repository';

const ACCOUNTS = 12_000;
const now = new Date('2026-12-04T12:00:00Z');
let dir: string;
let db: Db;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-total-'));
  const opened = await openDatabase(path.join(dir, 'portier.sqlite'));
  db = opened.db;
  generateAccounts(opened.sqlite, ACCOUNTS, now);
});
afterAll(async () => {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

const list = (input: Record<string, unknown>) => listPortalAccounts(db, contract['portal-accounts:list'].input.parse(input), now);

describe('the account list total', () => {
  it(`counts a broad search only up to ${ACCOUNT_TOTAL_CAP.toLocaleString('en')} and says so`, async () => {
    // Every generated username ends in .example: all 12,000 match.
    const page = await list({ search: 'example' });
    expect(page.rows).toHaveLength(100);
    expect(page).toMatchObject({ total: ACCOUNT_TOTAL_CAP, totalExact: false });
  });

  it('counts every match when asked for the exact number', async () => {
    expect(await list({ search: 'example', exactTotal: true })).toMatchObject({ total: ACCOUNTS, totalExact: true });
  });

  it('gives the exact total below the cap, and for filters the tallies answer', async () => {
    const narrow = await list({ search: 'org7.example' });
    expect(narrow.totalExact).toBe(true);
    expect(narrow.total).toBeGreaterThan(0);
    expect(narrow.total).toBeLessThan(ACCOUNT_TOTAL_CAP);
    expect(await list({})).toMatchObject({ total: ACCOUNTS, totalExact: true });
  });

  it('knows the total from a last page that is not full, at any offset', async () => {
    const all = await list({ search: 'org7.example', exactTotal: true });
    const last = await list({ search: 'org7.example', offset: all.total - 3, limit: 10 });
    expect(last.rows).toHaveLength(3);
    expect(last).toMatchObject({ total: all.total, totalExact: true });
  });
});
