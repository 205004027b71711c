import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SSL_MODES, SslMode, type OfficeDatabaseStatus, type OfficeDatabaseTestResult } from '../../../../shared/api/office-database';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField, TextField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import { useForm } from '../../components/use-form';
import { addressOf, fillFromUrl, formOf, usesRememberedPassword } from './office-database-form-values';
import { useForgetOfficeDatabase, useTestOfficeDatabase, useUseOfficeDatabase } from './office-database-queries';
import { TestResult } from './TestResult';

/** The connect form: an address (typed, or pasted as a postgres:// URL), test it, use it, or go back to this desk's own database. */
export function OfficeDatabaseForm({ status }: { status: OfficeDatabaseStatus }) {
  const { t } = useTranslation();
  const shown = status.remembered ?? (status.current.kind === 'postgres' ? status.current.address : null);
  const form = useForm(formOf(shown));
  const { values, fieldErrors } = form;
  const test = useTestOfficeDatabase();
  const use = useUseOfficeDatabase();
  const forget = useForgetOfficeDatabase();
  const [result, setResult] = useState<OfficeDatabaseTestResult | null>(null);
  const [confirm, setConfirm] = useState<'use' | 'forget' | null>(null);
  const [urlUnreadable, setUrlUnreadable] = useState(false);
  // A test's answer is about what was tested: it goes as soon as a field changes.
  const set: typeof form.set = (key, value) => {
    form.set(key, value);
    setResult(null);
  };
  const busy = test.isPending || use.isPending || forget.isPending;
  const remembered = status.remembered ?? (status.chosenBy === 'command-line' && status.current.kind === 'postgres' ? status.current.address : null);
  const keepsPassword = usesRememberedPassword(remembered, values);
  const detail = form.error?.params?.detail;
  const reason = form.error?.code === 'CONFLICT' ? form.error.params?.reason : undefined;

  const checked = () => {
    const outcome = addressOf(values);
    if ('errors' in outcome) {
      form.failFields(outcome.errors);
      return null;
    }
    form.clearErrors();
    return outcome.address;
  };

  const onTest = async (event: FormEvent) => {
    event.preventDefault();
    const address = checked();
    if (!address) return;
    setResult(null);
    try {
      setResult(await test.mutateAsync(address));
    } catch (error) {
      form.fail(error);
    }
  };

  const onUse = async () => {
    const address = checked();
    setConfirm(null);
    if (!address) return;
    try {
      await use.mutateAsync(address);
      notify(t('officeDatabase.switchedToOffice', { database: address.database, host: address.host }));
    } catch (error) {
      form.fail(error);
    }
  };

  const onForget = async () => {
    setConfirm(null);
    try {
      await forget.mutateAsync({});
      notify(t('officeDatabase.switchedToOwn'));
    } catch (error) {
      form.fail(error);
    }
  };

  const onFillIn = () => {
    const filled = fillFromUrl(values);
    setUrlUnreadable(filled === null);
    if (!filled) return;
    form.setValues(filled);
    form.clearErrors();
    setResult(null);
  };

  const sslOptions = SSL_MODES.map((mode) => ({ value: mode, label: t(`officeDatabase.sslmodes.${mode}`) }));
  const canForget = status.canSwitch && (status.current.kind === 'postgres' || status.remembered !== null);

  return (
    <>
      <form className="form" onSubmit={onTest} noValidate aria-label={t('officeDatabase.formTitle')}>
        {reason === 'command-line' || reason === 'cannot-switch' ? (
          <p className="notice" role="alert">
            {t(reason === 'command-line' ? 'officeDatabase.chosenByCommandLine' : 'officeDatabase.cannotSwitch')}
          </p>
        ) : (
          <ErrorAlert error={form.error} />
        )}
        {detail && fieldErrors.host?.code === 'connection_failed' ? <p className="office-database__detail">{t('officeDatabase.serverSaid', { detail })}</p> : null}
        <div className="office-database__paste">
          <TextField
            label={t('officeDatabase.pasteUrl')}
            hint={t('officeDatabase.pasteUrlHint')}
            value={values.url}
            onValueChange={(v) => {
              set('url', v);
              setUrlUnreadable(false);
            }}
            maxLength={2048}
            autoComplete="off"
            spellCheck={false}
            // It may hold the password: never shown, and emptied once its parts are in the fields.
            type="password"
          />
          <button type="button" className="button" onClick={onFillIn} disabled={values.url.trim() === ''}>
            {t('officeDatabase.fillIn')}
          </button>
        </div>
        {urlUnreadable ? (
          <p className="field-error" role="alert">
            {t('officeDatabase.notAnAddress')}
          </p>
        ) : null}
        <div className="field-row">
          <TextField label={t('officeDatabase.host')} value={values.host} onValueChange={(v) => set('host', v)} error={fieldErrors.host} maxLength={253} autoComplete="off" spellCheck={false} />
          <TextField label={t('officeDatabase.port')} inputMode="numeric" value={values.port} onValueChange={(v) => set('port', v)} error={fieldErrors.port} className="field--narrow" />
        </div>
        <div className="field-row">
          <TextField label={t('officeDatabase.database')} value={values.database} onValueChange={(v) => set('database', v)} error={fieldErrors.database} maxLength={63} autoComplete="off" spellCheck={false} />
          <TextField label={t('officeDatabase.user')} value={values.user} onValueChange={(v) => set('user', v)} error={fieldErrors.user} maxLength={63} autoComplete="off" spellCheck={false} />
        </div>
        <TextField
          label={t('officeDatabase.password')}
          type="password"
          value={values.password}
          onValueChange={(v) => set('password', v)}
          error={fieldErrors.password}
          placeholder={keepsPassword ? t('officeDatabase.passwordRemembered') : undefined}
          maxLength={1024}
          autoComplete="new-password"
        />
        {remembered?.passwordSet && values.password === '' && !keepsPassword ? (
          <p className="notice" role="status">
            {t('officeDatabase.passwordDropped')}
          </p>
        ) : null}
        <SelectField label={t('officeDatabase.sslmode')} value={values.sslmode} options={sslOptions} onValueChange={(v) => set('sslmode', SslMode.catch(values.sslmode).parse(v))} error={fieldErrors.sslmode} />
        {values.sslmode === 'verify-full' ? (
          <TextField label={t('officeDatabase.caFile')} hint={t('officeDatabase.caFileHint')} value={values.caFile} onValueChange={(v) => set('caFile', v)} error={fieldErrors.caFile} maxLength={1024} autoComplete="off" spellCheck={false} />
        ) : null}
        {test.isPending ? (
          <p className="muted" role="status">
            {t('officeDatabase.testing')}
          </p>
        ) : null}
        {result ? <TestResult result={result} /> : null}
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy} aria-busy={test.isPending}>
            {t('officeDatabase.test')}
          </button>
          <button type="button" className="button button--primary" disabled={busy || !status.canSwitch} aria-busy={use.isPending} onClick={() => setConfirm('use')}>
            {t('officeDatabase.use')}
          </button>
          {canForget ? (
            <button type="button" className="button" disabled={busy} aria-busy={forget.isPending} onClick={() => setConfirm('forget')}>
              {t('officeDatabase.forget')}
            </button>
          ) : null}
        </div>
      </form>
      {confirm === 'use' ? (
        <ConfirmDialog
          title={t('officeDatabase.useTitle')}
          message={t('officeDatabase.useMessage', { database: values.database.trim(), host: values.host.trim() })}
          confirmLabel={t('officeDatabase.use')}
          busy={use.isPending}
          onConfirm={() => void onUse()}
          onCancel={() => setConfirm(null)}
        />
      ) : null}
      {confirm === 'forget' ? (
        <ConfirmDialog
          title={t('officeDatabase.forgetTitle')}
          message={t('officeDatabase.forgetMessage')}
          confirmLabel={t('officeDatabase.forget')}
          busy={forget.isPending}
          onConfirm={() => void onForget()}
          onCancel={() => setConfirm(null)}
        />
      ) : null}
    </>
  );
}
