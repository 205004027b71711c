import type { Day, Interval } from './report-intervals';

/** A prepaid hour card ("strippenkaart") as the balance needs it; a card with a project serves only that project's time. */
export interface BalanceCard {
  id: number;
  purchasedOn: Day;
  minutes: number;
  projectId: number | null;
}

/** Billable minutes booked on one project on one day. */
export interface DayUsage {
  day: Day;
  projectId: number;
  minutes: number;
}

/** One interval of the hours report, all in minutes; after = before + bought − used − usedByOtherProjects. */
export interface BalanceRow extends Interval {
  /** The balance when the interval starts: what is left on the cards minus time no card covered (negative: overdraft). */
  beforeMinutes: number;
  /** Cards bought in the interval (general cards and cards of the selected projects). */
  boughtMinutes: number;
  /** Billable time booked on the selected projects in the interval. */
  usedMinutes: number;
  /** General cards used up by projects outside the selection (0 without a selection). */
  usedByOtherProjectsMinutes: number;
  /** The balance when the interval ends. */
  afterMinutes: number;
  /** What is left on the cards when the interval ends (never negative). */
  availableMinutes: number;
  /** Time of the selected projects no card covered yet, when the interval ends (never negative). */
  overdraftMinutes: number;
}

interface Debt {
  projectId: number;
  minutes: number;
}

type Event = { day: Day; order: number; card: BalanceCard } | { day: Day; order: number; usage: DayUsage };

/**
 * The cards' ledger, day by day: cards bought on a day come before that day's time. Time takes
 * from the oldest card it may use (purchase date, then id); what no card covers is owed, oldest
 * first, and the next card that may serve it pays it off on the day it is bought (as a prepaid
 * card does: an overdraft is deducted from the next card).
 */
class Ledger {
  private readonly cards: { card: BalanceCard; remaining: number }[] = [];
  private readonly debts: Debt[] = [];
  /** Minutes each card has given, by card id. */
  readonly usedByCard = new Map<number, number>();

  constructor(private readonly onTake: (card: BalanceCard, projectId: number, minutes: number) => void) {}

  buy(card: BalanceCard): void {
    const entry = { card, remaining: card.minutes };
    this.cards.push(entry);
    for (const debt of this.debts) {
      if (entry.remaining === 0) break;
      if (card.projectId !== null && card.projectId !== debt.projectId) continue;
      const take = Math.min(entry.remaining, debt.minutes);
      entry.remaining -= take;
      debt.minutes -= take;
      this.took(card, debt.projectId, take);
    }
    for (let i = this.debts.length - 1; i >= 0; i--) if (this.debts[i]?.minutes === 0) this.debts.splice(i, 1);
  }

  use(usage: DayUsage): void {
    let left = usage.minutes;
    for (const entry of this.cards) {
      if (left === 0) break;
      if (entry.remaining === 0 || (entry.card.projectId !== null && entry.card.projectId !== usage.projectId)) continue;
      const take = Math.min(entry.remaining, left);
      entry.remaining -= take;
      left -= take;
      this.took(entry.card, usage.projectId, take);
    }
    if (left > 0) this.debts.push({ projectId: usage.projectId, minutes: left });
  }

  /** What is left on the cards that pass CARD_COUNTS, and what the projects that pass PROJECT_COUNTS owe. */
  state(cardCounts: (card: BalanceCard) => boolean, projectCounts: (projectId: number) => boolean): { available: number; overdraft: number } {
    let available = 0;
    for (const entry of this.cards) if (cardCounts(entry.card)) available += entry.remaining;
    let overdraft = 0;
    for (const debt of this.debts) if (projectCounts(debt.projectId)) overdraft += debt.minutes;
    return { available, overdraft };
  }

  private took(card: BalanceCard, projectId: number, minutes: number): void {
    if (minutes === 0) return;
    this.usedByCard.set(card.id, (this.usedByCard.get(card.id) ?? 0) + minutes);
    this.onTake(card, projectId, minutes);
  }
}

// Cards in purchase order (then id), before the day's time; time of one day by project, so a run is repeatable.
function events(cards: readonly BalanceCard[], usage: readonly DayUsage[]): Event[] {
  const list: Event[] = [
    ...cards.map((card) => ({ day: card.purchasedOn, order: 0, card })),
    ...usage.filter((u) => u.minutes > 0).map((u) => ({ day: u.day, order: 1, usage: u })),
  ];
  const tieBreak = (e: Event) => ('card' in e ? e.card.id : e.usage.projectId);
  return list.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.order - b.order || tieBreak(a) - tieBreak(b)));
}

/** How many minutes each card has given so far (to time booked, or to pay off earlier overdraft), by card id. */
export function cardUse(cards: readonly BalanceCard[], usage: readonly DayUsage[]): Map<number, number> {
  const ledger = new Ledger(() => undefined);
  for (const e of events(cards, usage)) {
    if ('card' in e) ledger.buy(e.card);
    else ledger.use(e.usage);
  }
  return ledger.usedByCard;
}

/**
 * The hours report's rows: per interval the balance before, the cards bought, the time used and
 * the balance after, for a SELECTION of projects (null: all the organisation's projects). The
 * ledger always runs over all of the organisation's time, since a general card serves every
 * project; with a selection, the cards counted are the general ones and those of the selected
 * projects, and what other projects take from general cards shows as usedByOtherProjects.
 * CARDS and USAGE are everything up to the last interval's end, from the beginning.
 */
export function hourBalance(cards: readonly BalanceCard[], usage: readonly DayUsage[], intervals: readonly Interval[], selection: ReadonlySet<number> | null): BalanceRow[] {
  const selected = (projectId: number) => selection === null || selection.has(projectId);
  const counts = (card: BalanceCard) => card.projectId === null || selected(card.projectId);
  let current: { bought: number; used: number; other: number } | null = null;
  const ledger = new Ledger((card, projectId, minutes) => {
    if (current && counts(card) && !selected(projectId)) current.other += minutes;
  });
  const balance = () => {
    const { available, overdraft } = ledger.state(counts, selected);
    return { available, overdraft, balance: available - overdraft };
  };
  const list = events(cards, usage);
  let next = 0;
  // YYYY-MM-DD days sort as text in day order.
  const runWhile = (inside: (day: Day) => boolean) => {
    for (; next < list.length; next++) {
      const e = list[next] as Event;
      if (!inside(e.day)) break;
      if ('card' in e) {
        if (current && counts(e.card)) current.bought += e.card.minutes;
        ledger.buy(e.card);
      } else {
        if (current && selected(e.usage.projectId)) current.used += e.usage.minutes;
        ledger.use(e.usage);
      }
    }
  };

  const rows: BalanceRow[] = [];
  for (const interval of intervals) {
    current = null;
    runWhile((day) => day < interval.from);
    const before = balance().balance;
    current = { bought: 0, used: 0, other: 0 };
    runWhile((day) => day <= interval.to);
    const after = balance();
    rows.push({
      ...interval,
      beforeMinutes: before,
      boughtMinutes: current.bought,
      usedMinutes: current.used,
      usedByOtherProjectsMinutes: current.other,
      afterMinutes: after.balance,
      availableMinutes: after.available,
      overdraftMinutes: after.overdraft,
    });
  }
  return rows;
}
