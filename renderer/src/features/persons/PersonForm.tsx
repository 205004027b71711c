import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactLanguage } from '../../../../shared/api/common';
import type { Person } from '../../../../shared/api/persons';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField, TextField } from '../../components/Field';
import { contactLanguageOptions } from '../../components/language-options';
import { notify } from '../../components/notification-store';
import { recordVersion, useForm } from '../../components/use-form';
import { navigate } from '../../router/use-route';
import { OrganisationPicker, type OrganisationRef } from '../organisations/OrganisationPicker';
import { emptyPerson, formToPerson, personToForm } from './person-form-values';
import { personName, useCreatePerson, useDeletePerson, useUpdatePerson } from './person-queries';

interface PersonFormProps {
  person?: Person;
  /** For a new person opened from an organisation's page. */
  organisation?: OrganisationRef | null;
}

/** Create or edit a person; without `person` it creates a new one. */
export function PersonForm({ person, organisation = null }: PersonFormProps) {
  const { t } = useTranslation();
  const form = useForm(person ? personToForm(person) : emptyPerson(organisation), recordVersion(person));
  const { values, set, fieldErrors } = form;
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const remove = useDeletePerson();
  const [confirming, setConfirming] = useState(false);
  const saving = create.isPending || update.isPending;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    try {
      const fields = formToPerson(values);
      if (person) {
        const saved = await update.mutateAsync({ ...fields, id: person.id });
        form.setValues(personToForm(saved));
        notify(t('persons.saved', { name: personName(saved) }));
      } else {
        const created = await create.mutateAsync(fields);
        notify(t('persons.created', { name: personName(created) }));
        navigate({ name: 'person', id: created.id }, { replace: true });
      }
    } catch (error) {
      form.fail(error);
    }
  };

  const onDelete = async () => {
    if (!person) return;
    try {
      await remove.mutateAsync({ id: person.id });
      setConfirming(false);
      notify(t('persons.deleted', { name: personName(person) }));
      navigate({ name: 'organisation', id: person.organisationId }, { replace: true });
    } catch (error) {
      setConfirming(false);
      form.fail(error);
    }
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <ErrorAlert error={form.error} />
      <OrganisationPicker label={t('fields.organisationId')} value={values.organisation} onChange={(v) => set('organisation', v)} error={fieldErrors.organisationId} />
      <TextField className="field--narrow" label={t('fields.salutation')} value={values.salutation} onValueChange={(v) => set('salutation', v)} error={fieldErrors.salutation} maxLength={40} />
      <div className="field-row">
        <TextField label={t('fields.firstName')} value={values.firstName} onValueChange={(v) => set('firstName', v)} error={fieldErrors.firstName} maxLength={100} autoComplete="off" />
        <TextField label={t('fields.lastName')} value={values.lastName} onValueChange={(v) => set('lastName', v)} error={fieldErrors.lastName} maxLength={100} autoComplete="off" required />
      </div>
      <TextField label={t('fields.email')} type="email" value={values.email} onValueChange={(v) => set('email', v)} error={fieldErrors.email} maxLength={254} autoComplete="off" />
      <TextField label={t('fields.mobile')} type="tel" value={values.mobile} onValueChange={(v) => set('mobile', v)} error={fieldErrors.mobile} hint={t('hints.mobile')} maxLength={32} autoComplete="off" />
      <SelectField
        label={t('fields.language')}
        value={values.language}
        options={contactLanguageOptions(t)}
        onValueChange={(v) => set('language', ContactLanguage.catch('default').parse(v))}
        error={fieldErrors.language}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving}>
          {t('common.save')}
        </button>
        {person ? (
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)} disabled={remove.isPending}>
            {t('common.delete')}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => navigate(organisation ? { name: 'organisation', id: organisation.id } : { name: 'persons' })}
          >
            {t('common.cancel')}
          </button>
        )}
      </div>
      {confirming && person ? (
        <ConfirmDialog
          title={t('persons.deleteTitle')}
          message={t('persons.deleteText', { name: personName(person) })}
          confirmLabel={t('persons.deleteTitle')}
          busy={remove.isPending}
          onConfirm={() => void onDelete()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </form>
  );
}
