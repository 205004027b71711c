import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextAreaField, TextField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import type { PickerOption } from '../../components/SearchPicker';
import { asAppError, type AnyFieldError } from '../../i18n/error-messages';
import { ProjectSelect } from '../projects/ProjectSelect';
import { decimalMark, formatHours, parseHours, today } from './hours-format';
import { useCreateHourCard } from './hours-queries';

type FieldName = 'purchasedOn' | 'minutes' | 'projectId' | 'note';

/**
 * "Add hour card": the purchase date, the hours in the UI's number format, optionally one of the
 * organisation's projects (none: a general card), and a note. Problems
 * show next to their field, from this form or from the core, and the dialog stays open with
 * everything typed, so nothing is lost on an error.
 */
export function AddHourCardDialog({ organisationId, onClose }: { organisationId: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const create = useCreateHourCard();
  const [purchasedOn, setPurchasedOn] = useState(today());
  const [hours, setHours] = useState('');
  const [project, setProject] = useState<PickerOption | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<FieldName, AnyFieldError>>>({});
  const [formError, setFormError] = useState<unknown>(null);

  const onSubmit = async () => {
    setFormError(null);
    const parsed = parseHours(hours, i18n.language);
    const local: Partial<Record<FieldName, AnyFieldError>> = {};
    if (purchasedOn === '') local.purchasedOn = { code: 'required' };
    if ('error' in parsed) local.minutes = parsed.error;
    setErrors(local);
    if ('error' in parsed || Object.keys(local).length > 0) return;
    try {
      const card = await create.mutateAsync({ organisationId, purchasedOn, minutes: parsed.minutes, projectId: project?.id ?? null, note });
      notify(t('hours.cards.created', { hours: formatHours(card.minutes, i18n.language) }));
      onClose();
    } catch (error) {
      const appError = asAppError(error);
      setErrors(appError.fields ?? {});
      if (!appError.fields) setFormError(appError);
    }
  };

  const example = `12${decimalMark(i18n.language)}5`;
  return (
    <Dialog
      title={t('hours.cards.add')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="add-hour-card" className="button button--primary" disabled={create.isPending}>
            {t('hours.cards.save')}
          </button>
        </>
      }
    >
      <form
        id="add-hour-card"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit();
        }}
      >
        <ErrorAlert error={formError} />
        <TextField label={t('hours.cards.purchasedOn')} type="date" required value={purchasedOn} onValueChange={setPurchasedOn} error={errors.purchasedOn} />
        <TextField
          label={t('hours.cards.hours')}
          inputMode="decimal"
          required
          value={hours}
          onValueChange={setHours}
          error={errors.minutes}
          hint={t('hours.cards.hoursHint', { example })}
        />
        <ProjectSelect organisationId={organisationId} label={t('projects.picker.label')} value={project} onChange={setProject} hint={t('projects.picker.hint')} error={errors.projectId} />
        <TextAreaField label={t('hours.cards.note')} value={note} onValueChange={setNote} maxLength={500} rows={2} error={errors.note} />
      </form>
    </Dialog>
  );
}
