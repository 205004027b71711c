/**
 * npm run bench: scrolling the account list in real (headless) Chromium at 100,000 and
 * 1,000,000 accounts, against the same list at 1,000 accounts measured in the same run
 * (the baseline: these machines are shared and noisy, so ratios say more than times).
 *
 * What is counted, with a PerformanceObserver of long tasks (main-thread work over 50 ms):
 *   - 200 mouse-wheel steps, 50 PageDowns: goal no long task at 100k;
 *   - End, Home, a quick filter, opening an account and browser back: goal at most one each;
 *   - key-to-focused-row-visible for every PageDown: goal p95 < 50 ms;
 *   - at 1M: End and dragging the scroll bar to the bottom reach the last account.
 * Options: --sizes 1000,100000,1000000  --keep (leave the data folders). Needs `npm run build`
 * (run first when dist/ is missing). Writes bench-results-scroll.json (gitignored).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { hashPassword } from '../electron/core/auth/password-hash';
import { openDatabase } from '../electron/core/db/connection';
import { generateAccounts } from './generate-accounts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist/cli/portier.mjs');
const EMAIL = 'staff0@portier-bench.example';
const PASSWORD = 'Scroll-bench-2026';
const LONG_TASK_MS = 50;
const KEY_GOAL_MS = 50;

interface Figures {
  accounts: number;
  wheel: { longTasks: number; maxMs: number };
  pageDown: { longTasks: number; maxMs: number; keyP50: number; keyP95: number };
  jumps: Record<'end' | 'home' | 'filter' | 'open' | 'back', number>;
  bottomReached: boolean;
  rowHeightPx: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

async function prepare(accounts: number): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `portier-scroll-${accounts}-`));
  const { db, sqlite } = await openDatabase(path.join(dataDir, 'portier.sqlite'));
  generateAccounts(sqlite, accounts, new Date());
  sqlite.prepare('UPDATE staff SET password_hash = ? WHERE email = ?').run(await hashPassword(PASSWORD), EMAIL);
  await db.destroy();
  return dataDir;
}

async function serve(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no address:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Portier is running at (http:\/\/127\.0\.0\.1:\d+\/#key=[\w-]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
  return { url, child };
}

/** Long tasks since the last call, as [count over 50 ms, longest]. */
async function takeLongTasks(page: Page): Promise<{ count: number; maxMs: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    const tasks = w.longTasks.splice(0);
    return { count: tasks.filter((d) => d > 50).length, maxMs: Math.max(0, ...tasks) };
  });
}

const settle = (page: Page) => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 400)));

/** Waits until the focused row is drawn whole below the sticky header; ms since the key went down. */
async function focusedRowVisibleAfter(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const w = window as unknown as { keyAt: number };
      const region = document.querySelector('.table-wrap--scroll');
      const row = document.querySelector('.grid-row--focus');
      const head = region?.querySelector('thead th');
      if (!region || !row || !head) return null;
      const box = region.getBoundingClientRect();
      const r = row.getBoundingClientRect();
      const top = head.getBoundingClientRect().bottom;
      return r.top >= top - 1 && r.bottom <= box.top + region.clientTop + region.clientHeight + 1 ? performance.now() - w.keyAt : null;
    },
    undefined,
    { polling: 'raf', timeout: 10_000 },
  ).catch(async (error: unknown) => {
    const where = await page.evaluate(() => {
      const region = document.querySelector('.table-wrap--scroll');
      const row = document.querySelector('.grid-row--focus');
      return JSON.stringify({ region: region?.getBoundingClientRect(), clientHeight: region?.clientHeight, scrollTop: region?.scrollTop, row: row?.getBoundingClientRect(), head: region?.querySelector('thead')?.getBoundingClientRect() });
    });
    await page.screenshot({ path: path.join(os.tmpdir(), 'portier-scroll-bench-failure.png') });
    throw new Error(`the focused row did not come into view: ${where}`, { cause: error });
  });
  return (await handle.jsonValue()) as number;
}

async function measure(accounts: number, keep: boolean): Promise<Figures> {
  const dataDir = await prepare(accounts);
  const { url, child } = await serve(dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.PORTIER_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' });
    await page.goto(url);
    await page.getByLabel('Email', { exact: true }).fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Portal accounts', exact: true }).click();
    const grid = page.getByRole('group', { name: 'Portal accounts' });
    await page.locator('.grid-row td.cell-strong').first().waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[]; keyAt: number };
      w.longTasks = [];
      w.keyAt = 0;
      new PerformanceObserver((list) => w.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
      document.addEventListener('keydown', () => (w.keyAt = performance.now()), { capture: true });
    });
    const rowHeightPx = await page.locator('.grid-row').first().evaluate((el) => el.getBoundingClientRect().height);
    await settle(page);
    await takeLongTasks(page);

    const box = await grid.boundingBox();
    await page.mouse.move((box?.x ?? 0) + 300, (box?.y ?? 0) + 200);
    for (let i = 0; i < 200; i++) {
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(16);
    }
    await settle(page);
    const wheel = await takeLongTasks(page);

    await page.locator('.grid-row').first().click();
    await settle(page);
    await takeLongTasks(page);
    const keyTimes: number[] = [];
    for (let i = 0; i < 50; i++) {
      await page.keyboard.press('PageDown');
      keyTimes.push(await focusedRowVisibleAfter(page));
    }
    await settle(page);
    const paging = await takeLongTasks(page);

    const jump = async (action: () => Promise<unknown>) => {
      await takeLongTasks(page);
      await action();
      await settle(page);
      return (await takeLongTasks(page)).count;
    };
    const total = Number(await page.getByRole('grid').getAttribute('aria-rowcount')) - 1;
    const end = await jump(async () => {
      await page.keyboard.press('End');
      await focusedRowVisibleAfter(page);
    });
    const lastRow = page.locator(`.grid-row[aria-rowindex="${total + 1}"] td.cell-strong`);
    let bottomReached = await lastRow.isVisible();
    const home = await jump(async () => {
      await page.keyboard.press('Home');
      await focusedRowVisibleAfter(page);
    });
    // The scroll bar dragged to the very bottom shows the last account too.
    await grid.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await lastRow.waitFor({ timeout: 10_000 }).catch(() => (bottomReached = false));
    bottomReached = bottomReached && (await lastRow.isVisible());
    await grid.evaluate((el) => (el.scrollTop = 0));
    await settle(page);
    const filter = await jump(async () => {
      await page.getByRole('button', { name: 'Invited, not activated', exact: true }).click();
      await page.getByText(/accounts$/).first().waitFor();
    });
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await settle(page);
    const open = await jump(async () => {
      await page.locator('.grid-row').first().dblclick();
      await page.getByRole('heading', { level: 1 }).filter({ hasText: '@' }).waitFor();
    });
    const back = await jump(async () => {
      await page.goBack();
      await page.locator('.grid-row td.cell-strong').first().waitFor();
    });

    return {
      accounts,
      wheel: { longTasks: wheel.count, maxMs: Math.round(wheel.maxMs) },
      pageDown: { longTasks: paging.count, maxMs: Math.round(paging.maxMs), keyP50: Math.round(percentile(keyTimes, 50)), keyP95: Math.round(percentile(keyTimes, 95)) },
      jumps: { end, home, filter, open, back },
      bottomReached,
      rowHeightPx,
    };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,100000,1000000' }, keep: { type: 'boolean', default: false } } });
  if (!fs.existsSync(CLI) || !fs.existsSync(path.join(ROOT, 'dist/renderer/index.html'))) {
    console.log('Building first (dist/ is missing)…');
    const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  const sizes = (values.sizes ?? '').split(',').map(Number).filter((n) => n > 0);
  const results: Figures[] = [];
  for (const size of sizes) {
    console.log(`Account list scrolling at ${size.toLocaleString('en')} accounts…`);
    results.push(await measure(size, values.keep ?? false));
  }
  const base = results[0];
  console.log('\nAccount list in Chromium, 1920×1080 (long tasks = main-thread work over 50 ms)');
  console.log('accounts   | wheel ×200 | PageDown ×50 | key→row p50/p95 | End Home filter open back | bottom | row px');
  for (const r of results) {
    const keyRatio = base ? ` (${(r.pageDown.keyP95 / Math.max(1, base.pageDown.keyP95)).toFixed(2)}x)` : '';
    console.log(
      `${r.accounts.toLocaleString('en').padEnd(10)} | ${String(r.wheel.longTasks).padStart(3)} (max ${r.wheel.maxMs} ms) | ${String(r.pageDown.longTasks).padStart(3)} (max ${r.pageDown.maxMs} ms) | ${r.pageDown.keyP50}/${r.pageDown.keyP95} ms${keyRatio} | ${Object.values(r.jumps).join('   ')} | ${r.bottomReached ? 'yes' : 'NO'} | ${r.rowHeightPx}`,
    );
  }
  const goals = results
    .filter((r) => r.accounts >= 100_000)
    .map((r) => ({
      accounts: r.accounts,
      noLongTaskScrolling: r.accounts > 100_000 || (r.wheel.longTasks === 0 && r.pageDown.longTasks === 0),
      atMostOnePerJump: Object.values(r.jumps).every((n) => n <= 1),
      bottomReached: r.bottomReached,
      keyP95Under50: r.pageDown.keyP95 < KEY_GOAL_MS,
    }));
  console.log('\nGoals:', JSON.stringify(goals));
  fs.writeFileSync(path.join(ROOT, 'bench-results-scroll.json'), `${JSON.stringify({ longTaskMs: LONG_TASK_MS, results, goals }, null, 2)}\n`);
}

await main();
