// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { HoursReportScreen } from '../../../renderer/src/features/hours/HoursReportScreen';
import { tickStep } from '../../../renderer/src/features/hours/HoursReportChart';
import type { HoursReport, HoursReportRow } from '../../../shared/api/hours';
import { organisation, project } from './support/fixtures';
import type { FakeHandlers } from './support/fake-transport';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

const row = (label: string, from: string, to: string, minutes: Omit<HoursReportRow, 'label' | 'from' | 'to'>): HoursReportRow => ({ label, from, to, ...minutes });

/** January: a card of 12.5 h, 10 h used; February: 4.5 h used, 2 h beyond the card. */
const ROWS = [
  row('2026-01', '2026-01-01', '2026-01-31', {
    beforeMinutes: 0,
    boughtMinutes: 750,
    usedMinutes: 600,
    usedByOtherProjectsMinutes: 0,
    afterMinutes: 150,
    availableMinutes: 150,
    overdraftMinutes: 0,
  }),
  row('2026-02', '2026-02-01', '2026-02-28', {
    beforeMinutes: 150,
    boughtMinutes: 0,
    usedMinutes: 270,
    usedByOtherProjectsMinutes: 0,
    afterMinutes: -120,
    availableMinutes: 0,
    overdraftMinutes: 120,
  }),
];

const handlers: FakeHandlers = {
  'organisations:get': () => organisation({ id: 7, name: 'Bäckerei Müller GmbH' }),
  'hours:report': (input): HoursReport => ({
    organisationId: input.organisationId,
    organisationName: 'Bäckerei Müller GmbH',
    interval: input.interval ?? 'month',
    from: input.from,
    to: input.to,
    projects: [],
    rows: ROWS,
  }),
};

describe('the hours report screen', () => {
  it('shows a row per interval with the hours in German, and a chart that says what it shows', async () => {
    renderWithApp(<HoursReportScreen organisationId={7} />, handlers, { language: 'de' });
    expect(await screen.findByRole('heading', { name: 'Stundenbericht: Bäckerei Müller GmbH' })).toBeTruthy();
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Intervall',
      'Vorher (h)',
      'Gekauft (h)',
      'Verbraucht (h)',
      'Von anderen Projekten verbraucht (h)',
      'Nachher (h)',
      'Auf Karten verbleibend (h)',
      'Überzogen (h)',
    ]);
    const cells = (label: string) => within(within(table).getByRole('row', { name: new RegExp(label) })).getAllByRole('cell').map((c) => c.textContent);
    expect(cells('2026-01')).toEqual(['0,00', '12,50', '10,00', '0,00', '2,50', '2,50', '0,00']);
    expect(cells('2026-02')).toEqual(['2,50', '0,00', '4,50', '0,00', '-2,00', '0,00', '2,00']);

    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-label')).toMatch(/2 Intervalle, insgesamt 14,5 Stunden verbraucht, Saldo am Ende -2 Stunden/);
    expect(chart.querySelectorAll('rect.hours-chart__bar')).toHaveLength(3); // two bars and the legend's
    expect(chart.textContent).toContain('2026-02');
    expect(chart.textContent).toContain('Verbrauchte Stunden');
  });

  it('asks the core for the chosen interval and period; a to-date before the from-date is marked at the field and kept', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<HoursReportScreen organisationId={7} />, handlers);
    await screen.findByRole('table');
    await user.selectOptions(screen.getByLabelText('Interval'), 'week');
    const from = screen.getByLabelText('From');
    const to = screen.getByLabelText('To');
    await user.clear(from);
    await user.type(from, '2026-03-01');
    await user.clear(to);
    await user.type(to, '2026-02-01');
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('The end date must not be before the start date.')).toBeTruthy();
    expect((to as HTMLInputElement).value).toBe('2026-02-01');
    expect((screen.getByRole('button', { name: 'Export CSV' }) as HTMLButtonElement).disabled).toBe(true);
    expect(fake.callsTo('hours:report')).not.toContainEqual(expect.objectContaining({ from: '2026-03-01', to: '2026-02-01' }));

    await user.clear(to);
    await user.type(to, '2026-03-31');
    await waitFor(() => expect(fake.callsTo('hours:report')).toContainEqual({ organisationId: 7, interval: 'week', from: '2026-03-01', to: '2026-03-31', projectIds: [] }));
    expect(to.getAttribute('aria-invalid')).toBeNull();
  });

  it('asks for the ticked projects only, as the organisation’s current projects are ticked and unticked', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<HoursReportScreen organisationId={7} />, {
      ...handlers,
      'projects:list': () => ({ rows: [project({ id: 41, name: 'Webshop' }), project({ id: 42, name: 'Kassa' })], total: 2 }),
    });
    await screen.findByRole('table');
    const projects = screen.getByRole('group', { name: /Projects/ });
    await user.click(within(projects).getByRole('checkbox', { name: 'Kassa' }));
    await waitFor(() => expect(fake.callsTo('hours:report')).toContainEqual(expect.objectContaining({ organisationId: 7, projectIds: [42] })));
    await user.click(within(projects).getByRole('checkbox', { name: 'Webshop' }));
    await waitFor(() => expect(fake.callsTo('hours:report')).toContainEqual(expect.objectContaining({ projectIds: [41, 42] })));
    expect(fake.callsTo('projects:list')).toContainEqual(expect.objectContaining({ organisationId: 7, includeArchived: false }));
    await user.click(within(projects).getByRole('checkbox', { name: 'Kassa' }));
    await waitFor(() => expect(fake.callsTo('hours:report').at(-1)).toEqual(expect.objectContaining({ projectIds: [41] })));
  });

  it('exports the CSV in the UI language and saves it through the documents’ save-file path', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(
      <HoursReportScreen organisationId={7} />,
      { ...handlers, 'hours:report-csv': () => ({ fileName: 'urenoverzicht.csv', csv: 'Interval;Voorafgaand (u)\r\n2026-01;0,00\r\n' }) },
      { language: 'nl' },
    );
    await screen.findByRole('table');
    let saved: HTMLAnchorElement | null = null;
    const onClick = (event: Event) => {
      saved = event.target as HTMLAnchorElement;
      event.preventDefault();
    };
    document.addEventListener('click', onClick);
    try {
      await user.click(screen.getByRole('button', { name: 'CSV exporteren' }));
      await waitFor(() => expect(saved).not.toBeNull());
    } finally {
      document.removeEventListener('click', onClick);
    }
    expect((saved as HTMLAnchorElement | null)?.download).toBe('urenoverzicht.csv');
    expect(fake.callsTo('hours:report-csv')).toEqual([expect.objectContaining({ organisationId: 7, interval: 'month', language: 'nl' })]);
  });
});

describe('the chart axis', () => {
  it('steps by 1, 2 or 5 times a power of ten, about four steps over the range', () => {
    expect(tickStep(10)).toBe(5);
    expect(tickStep(14.5)).toBe(5);
    expect(tickStep(100)).toBe(50);
    expect(tickStep(3)).toBe(1);
    expect(tickStep(0)).toBe(1);
  });
});
