import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PASSWORD_POLICY, NIST_PASSWORD_POLICY, type PasswordPolicy } from '../../../../shared/api/password-policy';
import type { StaffMember } from '../../../../shared/api/staff';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckboxField, TextField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import { PasswordFeedback } from '../../components/PasswordFeedback';
import { useForm } from '../../components/use-form';
import { usePasswordPolicy, useUpdatePasswordPolicy } from './password-policy-queries';
import { formToPolicy, policyToForm, type PolicyFormValues } from './policy-form-values';
import { SaveActions } from '../../components/SaveActions';

type Flag = 'requireUpper' | 'requireLower' | 'requireDigit' | 'requireSymbol' | 'blockCommon' | 'blockContext';
const FLAGS: readonly Flag[] = ['requireUpper', 'requireLower', 'requireDigit', 'requireSymbol', 'blockCommon', 'blockContext'];

/** The loaded form; administrators edit it, others read it. */
function PolicyForm({ policy, editable }: { policy: PasswordPolicy; editable: boolean }) {
  const { t } = useTranslation();
  const form = useForm<PolicyFormValues>(policyToForm(policy));
  const update = useUpdatePasswordPolicy();
  const [sample, setSample] = useState('');
  const { values, set, fieldErrors } = form;
  const checked = formToPolicy(values);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!editable) return;
    if ('errors' in checked) {
      form.failFields(checked.errors);
      return;
    }
    form.clearErrors();
    try {
      const saved = await update.mutateAsync(checked.policy);
      form.setValues(policyToForm(saved));
      notify(t('passwordPolicy.saved'));
    } catch (error) {
      form.fail(error);
    }
  };

  const preset = (p: PasswordPolicy) => {
    form.setValues(policyToForm(p));
    form.clearErrors();
  };

  return (
    <form className="form settings-section" onSubmit={onSubmit} noValidate aria-labelledby="password-policy-title">
      <h2 id="password-policy-title">{t('passwordPolicy.title')}</h2>
      <p className="muted">{t('passwordPolicy.intro')}</p>
      {editable ? null : <p className="notice">{t('passwordPolicy.readOnly')}</p>}
      <ErrorAlert error={form.error} />
      <fieldset className="fieldset" disabled={!editable}>
        <legend className="visually-hidden">{t('passwordPolicy.title')}</legend>
        {editable ? (
          <div className="form__actions">
            <button type="button" className="button" onClick={() => preset(DEFAULT_PASSWORD_POLICY)}>
              {t('passwordPolicy.presetDefault')}
            </button>
            <button type="button" className="button" onClick={() => preset(NIST_PASSWORD_POLICY)}>
              {t('passwordPolicy.presetNist')}
            </button>
          </div>
        ) : null}
        <div className="field-row">
          <TextField label={t('passwordPolicy.fields.minLength')} inputMode="numeric" value={values.minLength} onValueChange={(v) => set('minLength', v)} error={fieldErrors.minLength} maxLength={4} />
          <TextField
            label={t('passwordPolicy.fields.maxLength')}
            inputMode="numeric"
            value={values.maxLength}
            onValueChange={(v) => set('maxLength', v)}
            error={fieldErrors.maxLength}
            hint={t('passwordPolicy.maxLengthHint')}
            maxLength={4}
          />
        </div>
        {FLAGS.map((flag) => (
          <CheckboxField
            key={flag}
            label={t(`passwordPolicy.fields.${flag}`)}
            checked={values[flag]}
            onCheckedChange={(v) => set(flag, v)}
            hint={flag === 'blockCommon' ? t('passwordPolicy.commonHint') : undefined}
          />
        ))}
      </fieldset>
      <TextField label={t('passwordPolicy.tryPassword')} type="text" value={sample} onValueChange={setSample} hint={t('passwordPolicy.tryHint')} autoComplete="off" maxLength={1024} />
      {sample && 'policy' in checked ? <PasswordFeedback password={sample} context={{}} policy={checked.policy} /> : null}
      {editable ? (
        <SaveActions pending={update.isPending} />
      ) : null}
    </form>
  );
}

/** Settings section: the password policy for portal accounts. */
export function PasswordPolicySection({ me }: { me: StaffMember }) {
  const { t } = useTranslation();
  const query = usePasswordPolicy();
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <p className="muted">{t('app.loading')}</p>;
  return <PolicyForm policy={query.data} editable={me.role === 'administrator'} />;
}
