import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketAccessSettings } from '../../../../shared/api/ticket-rights';
import { CheckboxField } from '../../components/Field';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notify } from '../../components/notification-store';
import { useTicketAccessSettings, useUpdateTicketAccessSettings } from './ticket-rights-queries';

/** The administrators' ticket-access settings: rights on internal projects, and read-only customer access for everyone. */
export function TicketAccessSettingsSection() {
  const settings = useTicketAccessSettings();
  return (
    <>
      <ErrorAlert error={settings.error} />
      {settings.data ? <Form key={JSON.stringify(settings.data)} settings={settings.data} /> : null}
    </>
  );
}

function Form({ settings }: { settings: TicketAccessSettings }) {
  const { t } = useTranslation();
  const update = useUpdateTicketAccessSettings();
  const [values, setValues] = useState(settings);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await update.mutateAsync(values);
      notify(t('ticketRights.settings.saved'));
    } catch {
      // Shown by the alert below.
    }
  };

  return (
    <form className="form settings-section" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="ticket-access-settings-title">
      <h2 id="ticket-access-settings-title">{t('ticketRights.settings.title')}</h2>
      <ErrorAlert error={update.error} />
      <CheckboxField label={t('ticketRights.settings.internal')} checked={values.ticketRightsOnInternalProjects} onCheckedChange={(v) => setValues({ ...values, ticketRightsOnInternalProjects: v })} />
      <CheckboxField
        label={t('ticketRights.settings.readOnly')}
        hint={t('ticketRights.settings.readOnlyHint')}
        checked={values.customerTicketAccessReadOnly}
        onCheckedChange={(v) => setValues({ ...values, customerTicketAccessReadOnly: v })}
      />
      <div className="row-actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {t('ticketRights.settings.save')}
        </button>
      </div>
    </form>
  );
}
