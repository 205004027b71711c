import { performance } from 'node:perf_hooks';

/** The account list's goal (issue 3, and issue 13 on PostgreSQL): p95 <= 10 ms at 1M and within 2x of the hand-written query. */
export const GOAL_P95_MS = 10;
export const GOAL_RATIO = 2;

export interface Figures {
  query: string;
  n: number;
  runs: number;
  p50: number;
  p95: number;
  handP50: number;
  handP95: number;
  /** core p95 / hand p95 */
  ratio: number;
  total: number;
  /** p95 of the hand-written count of the matching accounts alone: how much of the time the exact total costs. */
  countP95: number;
  meetsGoal: boolean;
}

export interface Percentiles {
  p50: number;
  p95: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

const summary = (samples: number[]): Percentiles => {
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
};

export async function time(runs: number, fn: () => unknown): Promise<Percentiles> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up: page cache and statement caches
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summary(samples);
}

/**
 * The core and the hand-written way in turn, one run of each per round after a warm-up: on a
 * shared machine (and a shared database server) both meet the same load, so their ratio means something.
 */
export async function timePair(runs: number, core: () => unknown, hand: () => unknown): Promise<{ core: Percentiles; hand: Percentiles }> {
  for (let i = 0; i < 5; i++) {
    await core();
    await hand();
  }
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of [core, hand].entries()) {
      const start = performance.now();
      await fn();
      samples[k as 0 | 1].push(performance.now() - start);
    }
  }
  return { core: summary(samples[0]), hand: summary(samples[1]) };
}

export function figuresOf(query: string, n: number, runs: number, total: number, core: Percentiles, hand: Percentiles, count: Percentiles): Figures {
  const ratio = core.p95 / hand.p95;
  return {
    query,
    n,
    runs,
    p50: core.p50,
    p95: core.p95,
    handP50: hand.p50,
    handP95: hand.p95,
    ratio,
    total,
    countP95: count.p95,
    meetsGoal: core.p95 <= GOAL_P95_MS && ratio <= GOAL_RATIO,
  };
}

const ms = (v: number) => v.toFixed(2).padStart(8);
export const HEADER = `${'query'.padEnd(34)} ${'n'.padStart(9)} ${'total'.padStart(8)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'hand p50'.padStart(8)} ${'hand p95'.padStart(8)} ${'ratio'.padStart(6)} ${'count p95'.padStart(9)}  goal`;
export const formatRow = (f: Figures) =>
  `${f.query.padEnd(34)} ${String(f.n).padStart(9)} ${String(f.total).padStart(8)} ${ms(f.p50)} ${ms(f.p95)} ${ms(f.handP50)} ${ms(f.handP95)} ${f.ratio.toFixed(2).padStart(6)} ${ms(f.countP95).padStart(9)}  ${f.meetsGoal ? 'ok' : 'MISSED'}`;
