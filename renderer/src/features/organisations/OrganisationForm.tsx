import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactLanguage } from '../../../../shared/api/common';
import type { Organisation } from '../../../../shared/api/organisations';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { countryOptions } from '../../components/country-options';
import { contactLanguageOptions } from '../../components/language-options';
import { notify } from '../../components/notification-store';
import { recordVersion, useForm } from '../../components/use-form';
import { navigate } from '../../router/use-route';
import { OrganisationPicker } from './OrganisationPicker';
import { emptyOrganisation, formToOrganisation, organisationToForm } from './organisation-form-values';
import { useCreateOrganisation, useDeleteOrganisation, useUpdateOrganisation } from './organisation-queries';

/** Create or edit an organisation; without `organisation` it creates a new one. */
export function OrganisationForm({ organisation }: { organisation?: Organisation }) {
  const { t, i18n } = useTranslation();
  const form = useForm(organisation ? organisationToForm(organisation) : emptyOrganisation, recordVersion(organisation));
  const { values, set, fieldErrors } = form;
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation();
  const remove = useDeleteOrganisation();
  const [confirming, setConfirming] = useState(false);
  const saving = create.isPending || update.isPending;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    try {
      const fields = formToOrganisation(values);
      if (organisation) {
        const saved = await update.mutateAsync({ ...fields, id: organisation.id });
        // Show what the core stored (trimmed, upper-case country), still without losing focus.
        form.setValues(organisationToForm(saved));
        notify(t('organisations.saved', { name: saved.name }));
      } else {
        const created = await create.mutateAsync(fields);
        notify(t('organisations.created', { name: created.name }));
        navigate({ name: 'organisation', id: created.id }, { replace: true });
      }
    } catch (error) {
      form.fail(error);
    }
  };

  const onDelete = async () => {
    if (!organisation) return;
    try {
      await remove.mutateAsync({ id: organisation.id });
      setConfirming(false);
      notify(t('organisations.deleted', { name: organisation.name }));
      navigate({ name: 'organisations' }, { replace: true });
    } catch (error) {
      setConfirming(false);
      form.fail(error);
    }
  };

  const known = countryOptions(i18n.language, t('organisations.noCountry'));
  // A code stored before countries were checked stays visible (and is refused on save) rather than silently dropped.
  const countries = known.some((o) => o.value === values.country) ? known : [...known, { value: values.country, label: values.country }];
  return (
    <form className="form form--wide" onSubmit={onSubmit} noValidate>
      <ErrorAlert error={form.error} />
      <div className="form__columns">
        <fieldset className="fieldset">
          <legend>{t('organisations.details')}</legend>
          <TextField label={t('fields.name')} value={values.name} onValueChange={(v) => set('name', v)} error={fieldErrors.name} maxLength={200} required />
          <TextField label={t('fields.customerNumber')} value={values.customerNumber} onValueChange={(v) => set('customerNumber', v)} error={fieldErrors.customerNumber} maxLength={40} />
          <OrganisationPicker
            label={t('fields.parentId')}
            value={values.parent}
            onChange={(v) => set('parent', v)}
            error={fieldErrors.parentId}
            excludeId={organisation?.id}
            optional
          />
          <SelectField
            label={t('fields.language')}
            value={values.language}
            options={contactLanguageOptions(t)}
            onValueChange={(v) => set('language', ContactLanguage.catch('default').parse(v))}
            error={fieldErrors.language}
          />
          <CheckboxField label={t('fields.internal')} checked={values.internal} onCheckedChange={(v) => set('internal', v)} error={fieldErrors.internal} />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('organisations.address')}</legend>
          <TextField label={t('fields.addressLine1')} value={values.addressLine1} onValueChange={(v) => set('addressLine1', v)} error={fieldErrors.addressLine1} maxLength={200} autoComplete="off" />
          <TextField label={t('fields.addressLine2')} value={values.addressLine2} onValueChange={(v) => set('addressLine2', v)} error={fieldErrors.addressLine2} maxLength={200} autoComplete="off" />
          <div className="field-row">
            <TextField label={t('fields.postalCode')} value={values.postalCode} onValueChange={(v) => set('postalCode', v)} error={fieldErrors.postalCode} maxLength={20} autoComplete="off" />
            <TextField label={t('fields.city')} value={values.city} onValueChange={(v) => set('city', v)} error={fieldErrors.city} maxLength={100} autoComplete="off" />
          </div>
          <SelectField
            label={t('fields.country')}
            value={values.country}
            options={countries}
            onValueChange={(v) => set('country', v)}
            error={fieldErrors.country}
          />
        </fieldset>
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving}>
          {t('common.save')}
        </button>
        {organisation ? (
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)} disabled={remove.isPending}>
            {t('common.delete')}
          </button>
        ) : (
          <button type="button" className="button" onClick={() => navigate({ name: 'organisations' })}>
            {t('common.cancel')}
          </button>
        )}
      </div>
      {confirming && organisation ? (
        <ConfirmDialog
          title={t('organisations.deleteTitle')}
          message={t('organisations.deleteText', { name: organisation.name })}
          confirmLabel={t('organisations.deleteTitle')}
          busy={remove.isPending}
          onConfirm={() => void onDelete()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </form>
  );
}
