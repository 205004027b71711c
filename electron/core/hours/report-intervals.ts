/** A day as YYYY-MM-DD; every computation here is on calendar days, in UTC, so no time zone shifts a day. */
export type Day = string;

/** How a report period is cut: per day, per ISO week (Monday to Sunday), per calendar month, or one custom interval. */
export type IntervalKind = 'day' | 'week' | 'month' | 'custom';

/** One interval of a report: its first and last day (inclusive) and its label (2026-01-05, 2026-W02, 2026-01, or from–to). */
export interface Interval {
  label: string;
  from: Day;
  to: Day;
}

const MS_PER_DAY = 86_400_000;

const toDate = (day: Day) => new Date(`${day}T00:00:00.000Z`);
const toDay = (date: Date): Day => date.toISOString().slice(0, 10);

export function addDays(day: Day, n: number): Day {
  return toDay(new Date(toDate(day).getTime() + n * MS_PER_DAY));
}

/** Whole days from A to B (B − A). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((toDate(b).getTime() - toDate(a).getTime()) / MS_PER_DAY);
}

/** Whether TEXT is a real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(toDate(text).getTime()) && toDay(toDate(text)) === text;
}

/** ISO 8601 week of DAY: the week belongs to the year that holds its Thursday. */
export function isoWeek(day: Day): { year: number; week: number; monday: Day } {
  const date = toDate(day);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = addDays(day, -weekday);
  const thursday = toDate(addDays(monday, 3));
  const year = thursday.getUTCFullYear();
  const week = Math.floor(daysBetween(`${year}-01-01`, toDay(thursday)) / 7) + 1;
  return { year, week, monday };
}

function lastOfMonth(day: Day): Day {
  const d = toDate(day);
  return toDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
}

/**
 * The intervals of FROM..TO (inclusive) by KIND, in order, covering every day once. The first
 * and last week or month are cut at the period's ends, so the rows add up to the period.
 */
export function reportIntervals(kind: IntervalKind, from: Day, to: Day): Interval[] {
  if (daysBetween(from, to) < 0) return [];
  if (kind === 'custom') return [{ label: `${from} – ${to}`, from, to }];
  const intervals: Interval[] = [];
  let start = from;
  while (daysBetween(start, to) >= 0) {
    let end: Day;
    let label: string;
    if (kind === 'day') {
      end = start;
      label = start;
    } else if (kind === 'week') {
      const { year, week, monday } = isoWeek(start);
      end = addDays(monday, 6);
      label = `${year}-W${String(week).padStart(2, '0')}`;
    } else {
      end = lastOfMonth(start);
      label = start.slice(0, 7);
    }
    if (daysBetween(end, to) < 0) end = to;
    intervals.push({ label, from: start, to: end });
    start = addDays(end, 1);
  }
  return intervals;
}
