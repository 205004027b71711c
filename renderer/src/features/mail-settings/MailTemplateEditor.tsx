import { useRef, useState, type FormEvent, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailTemplate } from '../../../../shared/api/mail-templates';
import { AppError, isAppError } from '../../../../shared/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import { useForm } from '../../components/use-form';
import { MailTemplatePreview, useTemplatePreview } from './MailTemplatePreview';
import { useResetMailTemplate, useUpdateMailTemplate } from './mail-settings-queries';
import { PlaceholderChips } from './PlaceholderChips';
import { insertAt, missingPlaceholders, namedPlaceholders, placeholderText } from './template-placeholders';
import { TemplateBodyField } from './TemplateBodyField';
import { SaveActions } from '../../components/SaveActions';

type Part = 'subject' | 'html';
interface Cursor {
  part: Part;
  start: number;
  end: number;
}

const END = Number.MAX_SAFE_INTEGER;

/** Edits one template in one language; nothing typed is lost when the core refuses it. */
export function MailTemplateEditor({ template, editable }: { template: MailTemplate; editable: boolean }) {
  const { t } = useTranslation();
  const form = useForm({ subject: template.subject, html: template.html });
  const update = useUpdateMailTemplate();
  const reset = useResetMailTemplate();
  const [confirmReset, setConfirmReset] = useState(false);
  const cursor = useRef<Cursor>({ part: 'html', start: END, end: END });
  const body = useRef<HTMLTextAreaElement>(null);
  const { values } = form;
  const key = { type: template.type, language: template.language };
  const preview = useTemplatePreview({ ...key, ...values });

  // A refused save speaks until the next edit; meanwhile the live preview's refusal does.
  const refusal = form.error ?? (preview.isError ? preview.error : null);
  const fieldErrors = form.error || Object.keys(form.fieldErrors).length > 0 ? form.fieldErrors : ((isAppError(preview.error) ? preview.error.fields : undefined) ?? {});
  const names = namedPlaceholders(refusal);
  const details = [
    ...(names.missing.length > 0 ? [t('mailSettings.templates.missing', { names: names.missing.join(', ') })] : []),
    ...(names.unknown.length > 0 ? [t('mailSettings.templates.unknown', { names: names.unknown.join(', ') })] : []),
  ];

  const edit = (part: Part, text: string) => {
    if (form.error) form.clearErrors();
    form.set(part, text);
  };
  const remember = (part: Part) => (event: SyntheticEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const el = event.currentTarget;
    cursor.current = { part, start: el.selectionStart ?? END, end: el.selectionEnd ?? END };
  };
  const insert = (name: string) => {
    const { part, start, end } = cursor.current;
    const next = insertAt(values[part], placeholderText(name), start, end);
    edit(part, next.text);
    cursor.current = { part, start: next.cursor, end: next.cursor };
    if (part === 'html') requestAnimationFrame(() => body.current?.setSelectionRange(next.cursor, next.cursor));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!editable) return;
    const missing = missingPlaceholders(values.html, template.required);
    if (missing.length > 0) {
      form.fail(new AppError('VALIDATION', 'missing placeholders', { fields: { html: { code: 'missing_placeholder' } }, params: { missing: missing.join(', '), unknown: '' } }));
      return;
    }
    form.clearErrors();
    try {
      const saved = await update.mutateAsync({ ...key, ...values });
      form.setValues({ subject: saved.subject, html: saved.html });
      notify(t('mailSettings.templates.saved'));
    } catch (error) {
      form.fail(error);
    }
  };

  const onReset = async () => {
    try {
      const restored = await reset.mutateAsync(key);
      form.setValues({ subject: restored.subject, html: restored.html });
      form.clearErrors();
      notify(t('mailSettings.templates.resetDone'));
    } catch (error) {
      form.fail(error);
    } finally {
      setConfirmReset(false);
    }
  };

  return (
    <form className="form form--wide" onSubmit={onSubmit} noValidate aria-label={t('mailSettings.templates.title')}>
      <ErrorAlert error={form.error} />
      {/* A preview that failed for another reason than the template (e.g. the core is gone) still says so. */}
      {!form.error && preview.isError && !(isAppError(preview.error) && preview.error.fields) ? <ErrorAlert error={preview.error} /> : null}
      <TextField label={t('mailSettings.templates.subject')} value={values.subject} onValueChange={(v) => edit('subject', v)} onSelect={remember('subject')} error={fieldErrors.subject} disabled={!editable} maxLength={300} />
      {editable ? <PlaceholderChips allowed={template.allowed} required={template.required} disabled={!editable} onInsert={insert} /> : null}
      <TemplateBodyField label={t('mailSettings.templates.html')} ref={body} value={values.html} onValueChange={(v) => edit('html', v)} onSelect={remember('html')} error={fieldErrors.html} details={details} disabled={!editable} />
      {editable ? (
        <SaveActions pending={update.isPending}>
          {template.customised ? (
            <button type="button" className="button" onClick={() => setConfirmReset(true)}>
              {t('mailSettings.templates.reset')}
            </button>
          ) : null}
        </SaveActions>
      ) : null}
      <MailTemplatePreview preview={preview.isError ? undefined : preview.data} pending={preview.isFetching} />
      {confirmReset ? (
        <ConfirmDialog title={t('mailSettings.templates.resetTitle')} message={t('mailSettings.templates.resetMessage')} confirmLabel={t('mailSettings.templates.reset')} busy={reset.isPending} onConfirm={() => void onReset()} onCancel={() => setConfirmReset(false)} />
      ) : null}
    </form>
  );
}
