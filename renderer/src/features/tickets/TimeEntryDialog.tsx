import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail, TimeEntry } from '../../../../shared/api/tickets';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import { asAppError, fieldErrorMessage, type AnyFieldError } from '../../i18n/error-messages';
import { decimalMark, today } from '../hours/hours-format';
import { useBookTime, useUpdateTimeEntry } from './ticket-queries';
import { formatDuration, parseDuration } from './time-entry-input';

type FieldName = 'workDate' | 'minutes' | 'note' | 'projectId';

/** The projects time may lie on: the primary one and every secondary assignment's, each once. */
function projectChoices(ticket: TicketDetail): { id: number; name: string }[] {
  const seen = new Map<number, string>([[ticket.projectId, ticket.projectName]]);
  for (const a of ticket.assignments) if (!seen.has(a.projectId)) seen.set(a.projectId, a.projectName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/**
 * Book time on a ticket, or change an unlocked entry: the date, the time as "1:30" or as
 * hours in the UI's number format, a note and whether it is billable.
 */
export function TimeEntryDialog({ ticket, entry, onClose }: { ticket: TicketDetail; entry?: TimeEntry; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const book = useBookTime();
  const update = useUpdateTimeEntry();
  const [workDate, setWorkDate] = useState(entry?.workDate ?? today());
  const [duration, setDuration] = useState(entry ? formatDuration(entry.minutes) : '');
  const [note, setNote] = useState(entry?.note ?? '');
  const [billable, setBillable] = useState(entry?.billable ?? true);
  const [projectId, setProjectId] = useState(String(entry?.projectId ?? ticket.projectId));
  const [errors, setErrors] = useState<Partial<Record<FieldName, AnyFieldError>>>({});
  const [formError, setFormError] = useState<unknown>(null);
  const choices = projectChoices(ticket);

  const onSubmit = async () => {
    setFormError(null);
    const parsed = parseDuration(duration, i18n.language);
    const local: Partial<Record<FieldName, AnyFieldError>> = {};
    if (workDate === '') local.workDate = { code: 'required' };
    if ('error' in parsed) local.minutes = parsed.error;
    setErrors(local);
    if ('error' in parsed || Object.keys(local).length > 0) return;
    const fields = { workDate, minutes: parsed.minutes, note: note.trim(), billable, projectId: Number(projectId) };
    try {
      if (entry) {
        await update.mutateAsync({ id: entry.id, ...fields });
        notify(t('tickets.time.saved'));
      } else {
        const booked = await book.mutateAsync({ ticketId: ticket.id, ...fields });
        notify(t('tickets.time.booked', { time: formatDuration(booked.minutes) }));
      }
      onClose();
    } catch (error) {
      const appError = asAppError(error);
      setErrors((appError.fields ?? {}) as Partial<Record<FieldName, AnyFieldError>>);
      if (!appError.fields) setFormError(appError);
    }
  };

  return (
    <Dialog
      title={entry ? t('tickets.time.editTitle') : t('tickets.time.bookTitle', { reference: ticket.reference })}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="time-entry-form" className="button button--primary" disabled={book.isPending || update.isPending}>
            {entry ? t('tickets.dialog.save') : t('tickets.time.book')}
          </button>
        </>
      }
    >
      <form
        id="time-entry-form"
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit();
        }}
      >
        <ErrorAlert error={formError} />
        {errors.projectId && choices.length <= 1 ? (
          // No project field to show it next to (time on the primary project): an archived project or task says so here.
          <p className="alert alert--error" role="alert">
            {fieldErrorMessage(t, errors.projectId)}
          </p>
        ) : null}
        <TextField label={t('tickets.time.date')} type="date" required value={workDate} onValueChange={setWorkDate} error={errors.workDate} />
        <TextField
          label={t('tickets.time.duration')}
          inputMode="decimal"
          required
          value={duration}
          onValueChange={setDuration}
          error={errors.minutes}
          hint={t('tickets.time.durationHint', { example: `1${decimalMark(i18n.language)}5` })}
        />
        {choices.length > 1 ? (
          <SelectField
            label={t('tickets.time.project')}
            value={projectId}
            options={choices.map((c) => ({ value: String(c.id), label: c.name }))}
            onValueChange={setProjectId}
            error={errors.projectId}
          />
        ) : null}
        <TextAreaField label={t('tickets.time.note')} value={note} onValueChange={setNote} maxLength={2000} rows={2} error={errors.note} />
        <CheckboxField label={t('tickets.time.billable')} checked={billable} onCheckedChange={setBillable} />
      </form>
    </Dialog>
  );
}
