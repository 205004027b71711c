import { z } from 'zod';
import { channel } from '../contract';
import { Id, Timestamp, UiLanguage, text } from './common';
import { DocumentFile } from './documents';

/** Greatest period a report covers (about ten years), so a day-by-day report stays a few thousand rows. */
export const MAX_REPORT_DAYS = 3700;
/** Most minutes one hour card holds: 10,000 hours. */
export const MAX_CARD_MINUTES = 600_000;

const DAY_FORMAT = /^\d{4}-\d{2}-\d{2}$/;
const isRealDay = (v: string) => {
  const d = new Date(`${v}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

/** A calendar day, YYYY-MM-DD, that exists (not 2026-02-30). */
export const CalendarDay = z
  .string()
  .regex(DAY_FORMAT)
  .refine(isRealDay, { params: { fieldError: { code: 'invalid_value' } } });

/** A prepaid hour card ("strippenkaart") an organisation bought, and how much of it time has used so far. */
export const HourCard = z.strictObject({
  id: Id,
  organisationId: Id,
  /** Null: a general card, used by time on any of the organisation's projects. */
  projectId: Id.nullable(),
  projectName: z.string().nullable(),
  purchasedOn: CalendarDay,
  minutes: z.number().int(),
  /** Minutes taken so far (cards are used oldest first); a card with used minutes cannot be deleted. */
  usedMinutes: z.number().int(),
  remainingMinutes: z.number().int(),
  note: z.string(),
  createdAt: Timestamp,
});
export type HourCard = z.infer<typeof HourCard>;

/** What staff enter for a card; hours are kept as whole minutes (2.5 h = 150), as time entries are. */
export const HourCardFields = z.strictObject({
  organisationId: Id,
  purchasedOn: CalendarDay,
  minutes: z.number().int().min(1).max(MAX_CARD_MINUTES),
  projectId: Id.nullish().transform((v) => v ?? null),
  note: text(500).default(''),
});

export const IntervalKind = z.enum(['day', 'week', 'month', 'custom']);

/** Which report: an organisation, its interval kind, the period (inclusive days) and optionally some of its projects. */
export const HoursReportQuery = z
  .strictObject({
    organisationId: Id,
    interval: IntervalKind.default('month'),
    from: CalendarDay,
    to: CalendarDay,
    /** Only these projects' time (and the general cards and these projects' cards); empty or absent: all projects. */
    projectIds: z.array(Id).max(500).default([]),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], params: { fieldError: { code: 'too_small' } } })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_REPORT_DAYS, { path: ['to'], params: { fieldError: { code: 'too_big' } } });

/** One interval of the report, in minutes: after = before + bought − used − usedByOtherProjects. */
export const HoursReportRow = z.strictObject({
  label: z.string(),
  from: CalendarDay,
  to: CalendarDay,
  beforeMinutes: z.number().int(),
  boughtMinutes: z.number().int(),
  usedMinutes: z.number().int(),
  usedByOtherProjectsMinutes: z.number().int(),
  afterMinutes: z.number().int(),
  availableMinutes: z.number().int(),
  overdraftMinutes: z.number().int(),
});
export type HoursReportRow = z.infer<typeof HoursReportRow>;

/** The hours report of one organisation: the prepaid balance per interval ("before", "after", "available"). */
export const HoursReport = z.strictObject({
  organisationId: Id,
  organisationName: z.string(),
  interval: IntervalKind,
  from: CalendarDay,
  to: CalendarDay,
  /** The selected projects; empty: all of them. */
  projects: z.array(z.strictObject({ id: Id, name: z.string() })),
  rows: z.array(HoursReportRow),
});
export type HoursReport = z.infer<typeof HoursReport>;

export const hoursApi = {
  /** An organisation's hour cards, oldest first, with what each has given so far. */
  'hour-cards:list': channel({
    access: 'staff',
    input: z.strictObject({ organisationId: Id }),
    output: z.array(HourCard),
  }),
  /** Only administrators change hour cards (2Value: associates may not change them). */
  'hour-cards:create': channel({
    access: 'admin',
    input: HourCardFields,
    output: HourCard,
    changes: ['hours', 'audit'],
  }),
  /** Refused with IN_USE once the card has given any time: the report of past periods must not change. */
  'hour-cards:delete': channel({
    access: 'admin',
    input: z.strictObject({ id: Id }),
    output: z.null(),
    changes: ['hours', 'audit'],
  }),
  'hours:report': channel({ access: 'staff', input: HoursReportQuery, output: HoursReport }),
  /** The report as CSV text: ";" and a decimal comma in Dutch and German, "," and a point in English; hours with two decimals. */
  'hours:report-csv': channel({
    access: 'staff',
    input: HoursReportQuery.safeExtend({ language: UiLanguage.default('en') }),
    output: z.strictObject({ fileName: z.string(), csv: z.string() }),
  }),
  /** The report as a PDF: the table and a chart (a bar per interval for the hours used, a line for the balance). */
  'hours:report-pdf': channel({
    access: 'staff',
    input: HoursReportQuery.safeExtend({ language: UiLanguage.default('en') }),
    output: DocumentFile,
  }),
} as const;
