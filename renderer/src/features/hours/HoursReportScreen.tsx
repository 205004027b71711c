import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../../shared/api/common';
import { IntervalKind } from '../../../../shared/api/hours';
import type { z } from 'zod';
import { isAppError, type FieldError } from '../../../../shared/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField, TextField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import type { AnyFieldError } from '../../i18n/error-messages';
import { isUiLanguage } from '../../i18n/i18n';
import { Link } from '../../router/Link';
import { saveFile } from '../documents/save-file';
import { useOrganisation } from '../organisations/organisation-queries';
import { ProjectChecklist } from '../projects/ProjectChecklist';
import { HoursReportChart } from './HoursReportChart';
import { HoursReportTable } from './HoursReportTable';
import { today } from './hours-format';
import { useHoursReport, useHoursReportCsv, useHoursReportPdf, type HoursReportInput } from './hours-queries';

/** CSV text from the core as a file for "Save as"; UTF-8, as the core wrote it. */
export function csvFile(fileName: string, csv: string): { fileName: string; mimeType: string; base64: string } {
  const bytes = new TextEncoder().encode(csv);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return { fileName, mimeType: 'text/csv;charset=utf-8', base64: btoa(binary) };
}

/** The period's problems this screen finds itself, so the core is asked only for a period it can answer. */
export function periodErrors(from: string, to: string): { from?: AnyFieldError; to?: AnyFieldError } {
  const errors: { from?: AnyFieldError; to?: AnyFieldError } = {};
  if (from === '') errors.from = { code: 'required' };
  if (to === '') errors.to = { code: 'required' };
  else if (from !== '' && to < from) errors.to = { code: 'to_before_from' };
  return errors;
}

/** An organisation's hours report: interval, period and projects, the chart, the table, and CSV/PDF exports. */
export function HoursReportScreen({ organisationId }: { organisationId: number }) {
  const { t, i18n } = useTranslation();
  const organisation = useOrganisation(organisationId);
  const [interval, setIntervalKind] = useState<z.infer<typeof IntervalKind>>('month');
  const [from, setFrom] = useState(() => `${today().slice(0, 4)}-01-01`);
  const [to, setTo] = useState(() => today());
  const [projectIds, setProjectIds] = useState<number[]>([]);
  const [saveError, setSaveError] = useState<unknown>(null);
  const csv = useHoursReportCsv();
  const pdf = useHoursReportPdf();

  const local = periodErrors(from, to);
  const query: HoursReportInput | null = local.from || local.to ? null : { organisationId, interval, from, to, projectIds };
  const report = useHoursReport(query);
  // The core's refusal of a period (too long, a day that does not exist) belongs next to its field too.
  const remote: Record<string, FieldError> = isAppError(report.error) ? (report.error.fields ?? {}) : {};
  const fieldErrors = { from: local.from ?? remote.from, to: local.to ?? remote.to };
  const reportError = isAppError(report.error) && report.error.fields ? null : report.error;
  const language: UiLanguage = isUiLanguage(i18n.language) ? i18n.language : 'en';
  const name = organisation.data?.name ?? '';

  const onExport = async (kind: 'csv' | 'pdf') => {
    if (!query) return;
    setSaveError(null);
    let file;
    try {
      if (kind === 'csv') {
        const answer = await csv.mutateAsync({ ...query, language });
        file = csvFile(answer.fileName, answer.csv);
      } else {
        file = await pdf.mutateAsync({ ...query, language });
      }
    } catch {
      return; // shown as the mutation's error
    }
    try {
      if ((await saveFile(file)) === 'saved') notify(t('hours.report.saved'));
    } catch (error) {
      setSaveError(error);
    }
  };

  const exporting = csv.isPending || pdf.isPending;
  return (
    <section className="screen" aria-busy={report.isFetching || exporting}>
      <p>
        <Link to={{ name: 'organisation', id: organisationId }}>{t('hours.report.back', { name: name || t('organisations.title') })}</Link>
      </p>
      <h1>{name ? t('hours.report.title', { name }) : t('hours.report.open')}</h1>
      <ErrorAlert error={organisation.error} />
      <form className="hours-report-form" onSubmit={(event) => event.preventDefault()} noValidate>
        <SelectField
          label={t('hours.report.interval')}
          value={interval}
          options={IntervalKind.options.map((kind) => ({ value: kind, label: t(`hours.report.intervals.${kind}`) }))}
          onValueChange={(value) => setIntervalKind(IntervalKind.parse(value))}
        />
        <TextField label={t('hours.report.from')} type="date" required value={from} onValueChange={setFrom} error={fieldErrors.from} />
        <TextField label={t('hours.report.to')} type="date" required value={to} onValueChange={setTo} error={fieldErrors.to} />
        <div className="hours-report-form__actions">
          <button type="button" className="button" disabled={!query || exporting} onClick={() => void onExport('csv')}>
            {t('hours.report.exportCsv')}
          </button>
          <button type="button" className="button" disabled={!query || exporting} onClick={() => void onExport('pdf')}>
            {t('hours.report.exportPdf')}
          </button>
        </div>
      </form>
      <ProjectChecklist
        className="hours-report-projects"
        organisationId={organisationId}
        legend={t('projects.reportProjects')}
        hint={t('projects.reportProjectsHint')}
        value={projectIds}
        onChange={setProjectIds}
      />
      <ErrorAlert error={reportError ?? csv.error ?? pdf.error ?? saveError} />
      {report.data ? (
        <>
          <HoursReportChart report={report.data} />
          <HoursReportTable report={report.data} />
        </>
      ) : null}
    </section>
  );
}
