import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UiLanguage } from '../../../../shared/api/common';
import { MailTemplateType } from '../../../../shared/api/mail-templates';
import type { StaffMember } from '../../../../shared/api/staff';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/Field';
import { uiLanguageOptions } from '../../components/language-options';
import { MailTemplateEditor } from './MailTemplateEditor';
import { useMailTemplates } from './mail-settings-queries';

/** Settings section: the mail templates, one type and language at a time; administrators edit, others read. */
export function MailTemplatesSection({ me }: { me: StaffMember }) {
  const { t } = useTranslation();
  const query = useMailTemplates();
  const [type, setType] = useState<MailTemplateType>('activation');
  const [language, setLanguage] = useState<UiLanguage>(me.language);
  const editable = me.role === 'administrator';
  const template = query.data?.find((x) => x.type === type && x.language === language);
  const typeOptions = MailTemplateType.options.map((value) => ({ value, label: t(`mailSettings.templates.types.${value}`) }));

  return (
    <section className="settings-section" aria-labelledby="mail-templates-title">
      <h2 id="mail-templates-title">{t('mailSettings.templates.title')}</h2>
      <p className="muted">{t('mailSettings.templates.intro')}</p>
      {editable ? null : <p className="notice">{t('mailSettings.templates.readOnly')}</p>}
      <div className="field-row">
        <SelectField label={t('mailSettings.templates.type')} value={type} options={typeOptions} onValueChange={(v) => setType(MailTemplateType.catch(type).parse(v))} />
        <SelectField label={t('mailSettings.templates.language')} value={language} options={uiLanguageOptions(t)} onValueChange={(v) => setLanguage(UiLanguage.catch(language).parse(v))} />
        {template?.customised ? <span className="badge badge--info">{t('mailSettings.templates.customised')}</span> : null}
      </div>
      <ErrorAlert error={query.error} />
      {template ? (
        // Keyed so switching template starts a fresh form instead of carrying one text into another.
        <MailTemplateEditor key={`${template.type}:${template.language}`} template={template} editable={editable} />
      ) : query.isPending ? (
        <p className="muted">{t('app.loading')}</p>
      ) : null}
    </section>
  );
}
