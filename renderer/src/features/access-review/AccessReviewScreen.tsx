import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../../shared/api/common';
import type { DocumentFile } from '../../../../shared/api/documents';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notify } from '../../components/notification-store';
import { isUiLanguage } from '../../i18n/i18n';
import { useFormat } from '../../i18n/format';
import { Link } from '../../router/Link';
import { saveFile } from '../documents/save-file';
import { csvFile } from '../hours/HoursReportScreen';
import { OrganisationPicker, type OrganisationRef } from '../organisations/OrganisationPicker';
import { AccessReviewTable } from './AccessReviewTable';
import { useAccessReview, useAccessReviewCsv, useAccessReviewPdf, useAccessReviewXlsx } from './access-review-queries';

type ExportKind = 'csv' | 'xlsx' | 'pdf';

/**
 * The access review (administrators only; the core refuses anyone else, and that refusal is
 * what staff see here): every portal account, filterable by organisation, exported as CSV,
 * XLSX and PDF (the PDF is the printable form).
 */
export function AccessReviewScreen() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [organisation, setOrganisation] = useState<OrganisationRef | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const query = organisation ? { organisationId: organisation.id } : {};
  const review = useAccessReview(query);
  const csv = useAccessReviewCsv();
  const xlsx = useAccessReviewXlsx();
  const pdf = useAccessReviewPdf();
  const language: UiLanguage = isUiLanguage(i18n.language) ? i18n.language : 'en';

  const onExport = async (kind: ExportKind) => {
    setSaveError(null);
    const input = { ...query, language };
    let file: DocumentFile;
    try {
      if (kind === 'csv') {
        const answer = await csv.mutateAsync(input);
        file = csvFile(answer.fileName, answer.csv);
      } else {
        file = await (kind === 'xlsx' ? xlsx : pdf).mutateAsync(input);
      }
    } catch {
      return; // shown as the mutation's error
    }
    try {
      if ((await saveFile(file)) === 'saved') notify(t('accessReview.saved'));
    } catch (error) {
      setSaveError(error);
    }
  };

  const exporting = csv.isPending || xlsx.isPending || pdf.isPending;
  const refused = review.isError && !review.data;
  const exportButton = (kind: ExportKind, label: string) => (
    <button type="button" className="button" disabled={exporting || refused} onClick={() => void onExport(kind)}>
      {label}
    </button>
  );
  return (
    <section className="screen screen--wide" aria-busy={review.isFetching || exporting}>
      <p>
        <Link to={{ name: 'accounts' }}>{t('accessReview.back')}</Link>
      </p>
      <h1>{t('accessReview.title')}</h1>
      <p className="muted">{t('accessReview.intro')}</p>
      <div className="toolbar toolbar--wrap">
        <OrganisationPicker label={t('accessReview.organisation')} optional value={organisation} onChange={setOrganisation} />
        {exportButton('csv', t('accessReview.exportCsv'))}
        {exportButton('xlsx', t('accessReview.exportXlsx'))}
        {exportButton('pdf', t('accessReview.print'))}
      </div>
      <ErrorAlert error={review.error ?? csv.error ?? xlsx.error ?? pdf.error ?? saveError} />
      {review.data ? (
        <>
          <p className="muted">
            {t('accessReview.generatedAt', { date: format.dateTime(review.data.generatedAt) })} · {t('accessReview.summary', { count: review.data.accounts.length })}
          </p>
          <AccessReviewTable review={review.data} />
        </>
      ) : null}
    </section>
  );
}
