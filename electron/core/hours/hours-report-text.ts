import type { UiLanguage } from '../../../shared/api/common';
import type { HoursReportRow } from '../../../shared/api/hours';

/** The report's words in the staff user's language (CSV header, PDF table and chart). */
export interface HoursReportText {
  title: string;
  period: string;
  projects: string;
  allProjects: string;
  columns: Record<'label' | 'from' | 'to' | Exclude<keyof HoursReportRow, 'label' | 'from' | 'to'>, string>;
  chartUsed: string;
  chartBalance: string;
  hoursUnit: string;
}

const TEXT: Record<UiLanguage, HoursReportText> = {
  en: {
    title: 'Hours report',
    period: 'Period',
    projects: 'Projects',
    allProjects: 'all projects',
    columns: {
      label: 'Interval',
      from: 'From',
      to: 'To',
      beforeMinutes: 'Before (h)',
      boughtMinutes: 'Bought (h)',
      usedMinutes: 'Used (h)',
      usedByOtherProjectsMinutes: 'Used by other projects (h)',
      afterMinutes: 'After (h)',
      availableMinutes: 'Available on cards (h)',
      overdraftMinutes: 'Overdraft (h)',
    },
    chartUsed: 'Hours used',
    chartBalance: 'Balance after',
    hoursUnit: 'h',
  },
  nl: {
    title: 'Urenoverzicht',
    period: 'Periode',
    projects: 'Projecten',
    allProjects: 'alle projecten',
    columns: {
      label: 'Interval',
      from: 'Van',
      to: 'Tot en met',
      beforeMinutes: 'Voorafgaand (u)',
      boughtMinutes: 'Gekocht (u)',
      usedMinutes: 'Verbruikt (u)',
      usedByOtherProjectsMinutes: 'Verbruikt door andere projecten (u)',
      afterMinutes: 'Na afloop (u)',
      availableMinutes: 'Beschikbaar op strippenkaarten (u)',
      overdraftMinutes: 'Tekort (u)',
    },
    chartUsed: 'Verbruikte uren',
    chartBalance: 'Saldo na afloop',
    hoursUnit: 'u',
  },
  de: {
    title: 'Stundenbericht',
    period: 'Zeitraum',
    projects: 'Projekte',
    allProjects: 'alle Projekte',
    columns: {
      label: 'Intervall',
      from: 'Von',
      to: 'Bis',
      beforeMinutes: 'Vorher (h)',
      boughtMinutes: 'Gekauft (h)',
      usedMinutes: 'Verbraucht (h)',
      usedByOtherProjectsMinutes: 'Von anderen Projekten verbraucht (h)',
      afterMinutes: 'Nachher (h)',
      availableMinutes: 'Auf Stundenkarten verfügbar (h)',
      overdraftMinutes: 'Überzogen (h)',
    },
    chartUsed: 'Verbrauchte Stunden',
    chartBalance: 'Saldo nachher',
    hoursUnit: 'h',
  },
};

export const hoursReportText = (language: UiLanguage): HoursReportText => TEXT[language];

/** Minutes as hours with two decimals, in the language's decimal mark, without grouping (a spreadsheet reads it as a number). */
export function formatHours(minutes: number, language: UiLanguage): string {
  const hours = (Math.abs(minutes) / 60).toFixed(2);
  const sign = minutes < 0 ? '-' : '';
  return sign + (language === 'en' ? hours : hours.replace('.', ','));
}
