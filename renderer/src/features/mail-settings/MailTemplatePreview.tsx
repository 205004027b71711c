import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MailPreview, MailTemplateDraft } from '../../../../shared/api/mail-templates';
import { call } from '../../api/client';
import { MailFrame } from '../../components/MailFrame';
import { useDebounced } from '../../components/use-debounced';

/** Waits this long after the last keystroke before rendering, so typing is not a request per key. */
export const PREVIEW_DEBOUNCE_MS = 400;

/** The draft rendered with sample data by the core; its refusal carries the same field errors a save would. */
export function useTemplatePreview(draft: MailTemplateDraft) {
  const debounced = useDebounced(draft, PREVIEW_DEBOUNCE_MS);
  return useQuery({
    queryKey: ['mail-templates', 'preview', debounced] as const,
    queryFn: () => call('mail-templates:preview', debounced),
    enabled: debounced.subject.trim() !== '' && debounced.html.trim() !== '',
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Infinity,
  });
}

/** Subject, HTML in a frame that may run nothing (sandbox="") and the plain-text part. */
export function MailTemplatePreview({ preview, pending }: { preview: MailPreview | undefined; pending: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="mail-preview" aria-labelledby="template-preview-title" aria-busy={pending}>
      <h3 id="template-preview-title">{t('mailSettings.templates.preview')}</h3>
      {pending ? <p className="muted">{t('mailSettings.templates.previewPending')}</p> : null}
      {preview ? (
        <>
          <dl className="facts">
            <dt>{t('mailSettings.templates.previewSubject')}</dt>
            <dd data-testid="preview-subject">{preview.subject}</dd>
          </dl>
          <MailFrame title={t('mailSettings.templates.previewHtml')} html={preview.html} />
          <h4>{t('mailSettings.templates.previewText')}</h4>
          {/* A region that takes focus: long lines scroll sideways, and keyboard users must be able to scroll it too. */}
          <pre className="mail-preview__text" role="region" tabIndex={0} aria-label={t('mailSettings.templates.previewText')}>
            {preview.text}
          </pre>
        </>
      ) : null}
    </section>
  );
}
