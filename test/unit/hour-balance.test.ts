import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardUse, hourBalance, type BalanceCard, type DayUsage } from '../../electron/core/hours/hour-balance';
import { addDays, isDay, isoWeek, reportIntervals, type IntervalKind } from '../../electron/core/hours/report-intervals';

const A = 1;
const B = 2;

// The hand calculation (minutes):
// 2025-12-15 general card 1: 600            -> 600 on cards
// 2025-12-20 A books 120 (card 1)           -> 480          (balance when January starts)
// 2026-01-05 A books 180 (card 1)           -> card 1 300
// 2026-01-10 card 2 for B: 300              -> card 1 300, card 2 300
// 2026-01-12 B books 240: card 1 is older   -> card 1 60, card 2 300
// 2026-01-20 A books 120: 60 from card 1    -> card 1 0, A owes 60
// 2026-01-25 B books 100 (card 2)           -> card 2 200
// January: 480 + 300 − 640 = 140 = 200 on cards − 60 overdraft.
const CARDS: BalanceCard[] = [
  { id: 1, purchasedOn: '2025-12-15', minutes: 600, projectId: null },
  { id: 2, purchasedOn: '2026-01-10', minutes: 300, projectId: B },
];
const USAGE: DayUsage[] = [
  { day: '2025-12-20', projectId: A, minutes: 120 },
  { day: '2026-01-05', projectId: A, minutes: 180 },
  { day: '2026-01-12', projectId: B, minutes: 240 },
  { day: '2026-01-20', projectId: A, minutes: 120 },
  { day: '2026-01-25', projectId: B, minutes: 100 },
];

const numbers = (row: { beforeMinutes: number; boughtMinutes: number; usedMinutes: number; usedByOtherProjectsMinutes: number; afterMinutes: number; availableMinutes: number; overdraftMinutes: number }) => [
  row.beforeMinutes,
  row.boughtMinutes,
  row.usedMinutes,
  row.usedByOtherProjectsMinutes,
  row.afterMinutes,
  row.availableMinutes,
  row.overdraftMinutes,
];

describe('the hour-card ledger against a hand calculation', () => {
  it('gives January as one month: before 480, bought 300, used 640, after 140 (200 on cards, 60 overdraft)', () => {
    const [row, ...more] = hourBalance(CARDS, USAGE, reportIntervals('month', '2026-01-01', '2026-01-31'), null);
    expect(more).toEqual([]);
    expect(row).toMatchObject({ label: '2026-01', from: '2026-01-01', to: '2026-01-31' });
    expect(numbers(row!)).toEqual([480, 300, 640, 0, 140, 200, 60]);
  });

  it('gives January by ISO week, the first and last weeks cut at the month', () => {
    const rows = hourBalance(CARDS, USAGE, reportIntervals('week', '2026-01-01', '2026-01-31'), null);
    expect(rows.map((r) => [r.label, r.from, r.to])).toEqual([
      ['2026-W01', '2026-01-01', '2026-01-04'],
      ['2026-W02', '2026-01-05', '2026-01-11'],
      ['2026-W03', '2026-01-12', '2026-01-18'],
      ['2026-W04', '2026-01-19', '2026-01-25'],
      ['2026-W05', '2026-01-26', '2026-01-31'],
    ]);
    expect(rows.map(numbers)).toEqual([
      [480, 0, 0, 0, 480, 480, 0],
      [480, 300, 180, 0, 600, 600, 0],
      [600, 0, 240, 0, 360, 360, 0],
      [360, 0, 220, 0, 140, 200, 60],
      [140, 0, 0, 0, 140, 200, 60],
    ]);
  });

  it('for project A alone counts only the general card, and shows what B took from it', () => {
    const [row] = hourBalance(CARDS, USAGE, reportIntervals('month', '2026-01-01', '2026-01-31'), new Set([A]));
    // 480 + 0 − 300 (A's time) − 240 (B's time on the general card) = −60: A's overdraft.
    expect(numbers(row!)).toEqual([480, 0, 300, 240, -60, 0, 60]);
  });

  it("for project B alone counts the general card and B's card, and shows what A took from the general one", () => {
    const [row] = hourBalance(CARDS, USAGE, reportIntervals('month', '2026-01-01', '2026-01-31'), new Set([B]));
    // 480 + 300 − 340 − 240 (A: 180 + 60 from card 1) = 200, all on B's card.
    expect(numbers(row!)).toEqual([480, 300, 340, 240, 200, 200, 0]);
  });

  it('says how much each card has given', () => {
    expect(Object.fromEntries(cardUse(CARDS, USAGE))).toEqual({ 1: 600, 2: 100 });
  });

  it('pays an overdraft off from the next card that may serve it, on the day it is bought', () => {
    const cards: BalanceCard[] = [
      { id: 7, purchasedOn: '2026-03-03', minutes: 60, projectId: B },
      { id: 8, purchasedOn: '2026-03-05', minutes: 600, projectId: null },
    ];
    const usage: DayUsage[] = [{ day: '2026-03-02', projectId: A, minutes: 120 }];
    const rows = hourBalance(cards, usage, reportIntervals('day', '2026-03-02', '2026-03-05'), null);
    expect(rows.map(numbers)).toEqual([
      [0, 0, 120, 0, -120, 0, 120],
      // B's card does not pay A's time.
      [-120, 60, 0, 0, -60, 60, 120],
      [-60, 0, 0, 0, -60, 60, 120],
      [-60, 600, 0, 0, 540, 540, 0],
    ]);
    expect(Object.fromEntries(cardUse(cards, usage))).toEqual({ 8: 120 });
  });

  it('uses cards bought on a day for that day’s time, oldest card first', () => {
    const cards: BalanceCard[] = [
      { id: 2, purchasedOn: '2026-05-01', minutes: 100, projectId: null },
      { id: 1, purchasedOn: '2026-05-01', minutes: 100, projectId: null },
      { id: 3, purchasedOn: '2026-04-01', minutes: 50, projectId: A },
    ];
    const used = cardUse(cards, [{ day: '2026-05-01', projectId: A, minutes: 120 }]);
    expect(Object.fromEntries(used)).toEqual({ 3: 50, 1: 70 });
  });

  it('ignores time and cards after the period, and counts all time before it', () => {
    const [row] = hourBalance(CARDS, USAGE, reportIntervals('custom', '2026-01-06', '2026-01-11'), null);
    expect(row).toMatchObject({ label: '2026-01-06 – 2026-01-11' });
    expect(numbers(row!)).toEqual([300, 300, 0, 0, 600, 600, 0]);
  });
});

describe('report intervals', () => {
  it('numbers weeks as ISO 8601 does around the turn of the year', () => {
    expect(isoWeek('2020-12-31')).toMatchObject({ year: 2020, week: 53, monday: '2020-12-28' });
    expect(isoWeek('2021-01-03')).toMatchObject({ year: 2020, week: 53 });
    expect(isoWeek('2021-01-04')).toMatchObject({ year: 2021, week: 1 });
    expect(isoWeek('2024-12-30')).toMatchObject({ year: 2025, week: 1 });
    expect(isoWeek('2026-12-31')).toMatchObject({ year: 2026, week: 53 });
  });

  it('cuts months at their ends, leap years included', () => {
    expect(reportIntervals('month', '2024-01-15', '2024-03-02').map((i) => [i.label, i.from, i.to])).toEqual([
      ['2024-01', '2024-01-15', '2024-01-31'],
      ['2024-02', '2024-02-01', '2024-02-29'],
      ['2024-03', '2024-03-01', '2024-03-02'],
    ]);
  });

  it('knows real days', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-1-01')).toBe(false);
  });
});

const dayArb = fc.integer({ min: 0, max: 150 }).map((n) => addDays('2026-01-01', n));
const projectArb = fc.integer({ min: 1, max: 3 });
const cardsArb = fc
  .array(fc.record({ purchasedOn: dayArb, minutes: fc.integer({ min: 1, max: 900 }), projectId: fc.option(projectArb, { nil: null }) }), { maxLength: 6 })
  .map((cards) => cards.map((c, i) => ({ ...c, id: i + 1 })));
const usageArb = fc.array(fc.record({ day: dayArb, projectId: projectArb, minutes: fc.integer({ min: 1, max: 600 }) }), { maxLength: 30 });
const periodArb = fc.tuple(dayArb, fc.integer({ min: 0, max: 120 })).map(([from, length]) => ({ from, to: addDays(from, length) }));
const kindArb = fc.constantFrom<IntervalKind>('day', 'week', 'month', 'custom');
const selectionArb = fc.option(fc.uniqueArray(projectArb, { minLength: 1, maxLength: 3 }), { nil: null });

describe('the ledger on random cards and time', () => {
  it('after = before + bought − used − used by other projects, every interval; rows chain; used sums to the billable time', () => {
    fc.assert(
      fc.property(cardsArb, usageArb, periodArb, kindArb, selectionArb, (cards, usage, period, kind, selectionList) => {
        const selection = selectionList ? new Set(selectionList) : null;
        const intervals = reportIntervals(kind, period.from, period.to);
        const rows = hourBalance(cards, usage, intervals, selection);
        expect(rows.length).toBe(intervals.length);
        expect(rows[0]?.from).toBe(period.from);
        expect(rows.at(-1)?.to).toBe(period.to);
        rows.forEach((row, i) => {
          expect(row.afterMinutes).toBe(row.beforeMinutes + row.boughtMinutes - row.usedMinutes - row.usedByOtherProjectsMinutes);
          expect(row.afterMinutes).toBe(row.availableMinutes - row.overdraftMinutes);
          expect(row.availableMinutes).toBeGreaterThanOrEqual(0);
          expect(row.overdraftMinutes).toBeGreaterThanOrEqual(0);
          expect(row.usedByOtherProjectsMinutes).toBeGreaterThanOrEqual(0);
          if (selection === null) expect(row.usedByOtherProjectsMinutes).toBe(0);
          const next = rows[i + 1];
          if (next) {
            expect(next.beforeMinutes).toBe(row.afterMinutes);
            expect(next.from).toBe(addDays(row.to, 1));
          }
        });
        const inPeriod = (day: string) => day >= period.from && day <= period.to;
        const selected = (p: number | null) => selection === null || p === null || selection.has(p);
        const billable = usage.filter((u) => inPeriod(u.day) && (selection === null || selection.has(u.projectId))).reduce((s, u) => s + u.minutes, 0);
        expect(rows.reduce((s, r) => s + r.usedMinutes, 0)).toBe(billable);
        const bought = cards.filter((c) => inPeriod(c.purchasedOn) && selected(c.projectId)).reduce((s, c) => s + c.minutes, 0);
        expect(rows.reduce((s, r) => s + r.boughtMinutes, 0)).toBe(bought);
      }),
      { numRuns: 500 },
    );
  });

  it('never takes more from a card than it holds, and only for its own project; what no card covers is the overdraft', () => {
    fc.assert(
      fc.property(cardsArb, usageArb, (cards, usage) => {
        const used = cardUse(cards, usage);
        for (const card of cards) expect(used.get(card.id) ?? 0).toBeLessThanOrEqual(card.minutes);
        const last = [...cards.map((c) => c.purchasedOn), ...usage.map((u) => u.day), '2026-01-01'].sort().at(-1) as string;
        const [row] = hourBalance(cards, usage, reportIntervals('custom', '2025-12-31', last), null);
        const given = [...used.values()].reduce((s, m) => s + m, 0);
        const booked = usage.reduce((s, u) => s + u.minutes, 0);
        expect(given).toBe(booked - (row?.overdraftMinutes ?? 0));
        // A project card's minutes go to its own project only: per project, cards of other projects never cover it.
        for (const project of [1, 2, 3]) {
          const own = cards.filter((c) => c.projectId === project || c.projectId === null).reduce((s, c) => s + c.minutes, 0);
          const time = usage.filter((u) => u.projectId === project).reduce((s, u) => s + u.minutes, 0);
          const [projectRow] = hourBalance(cards, usage, reportIntervals('custom', '2025-12-31', last), new Set([project]));
          expect(time - (projectRow?.overdraftMinutes ?? 0)).toBeLessThanOrEqual(own);
        }
      }),
      { numRuns: 300 },
    );
  });
});
