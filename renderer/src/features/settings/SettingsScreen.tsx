import { useTranslation } from 'react-i18next';
import { UiLanguage } from '../../../../shared/api/common';
import type { StaffMember } from '../../../../shared/api/staff';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/Field';
import { uiLanguageOptions } from '../../components/language-options';
import { notify } from '../../components/notification-store';
import { useSetMyLanguage } from '../session/session-queries';
import { MailSettingsSections } from '../mail-settings/MailSettingsSections';
import { SmsGatewaySection } from '../sms-gateway/SmsGatewaySection';
import { PasswordPolicySection } from '../password-policy/PasswordPolicyForm';
import { SessionSettingsSection } from '../session-settings/SessionSettingsForm';
import { TicketCategoriesSection } from '../ticket-categories/TicketCategoriesSection';
import { DefaultLanguageForm } from './DefaultLanguageForm';
import { TicketAccessSettingsSection } from '../ticket-rights/TicketAccessSettingsSection';
import { OfficeDatabaseSection } from '../office-database/OfficeDatabaseSection';

/**
 * The user's own language applies as soon as it is picked (it is a personal display
 * choice, so no Save step); the default language, which affects everyone, has one.
 */
export function SettingsScreen({ me }: { me: StaffMember }) {
  const { t } = useTranslation();
  const setMyLanguage = useSetMyLanguage();

  const onMyLanguage = (value: string) => {
    const language = UiLanguage.catch(me.language).parse(value);
    if (language === me.language) return;
    setMyLanguage.mutate(
      { language },
      // Said in the language just chosen, which is the one now on screen.
      { onSuccess: () => notify(t('settings.saved', { lng: language })) },
    );
  };

  return (
    <section className="screen">
      <header className="screen__header">
        <h1>{t('settings.title')}</h1>
      </header>
      <p className="muted">{t('settings.intro')}</p>
      <div className="form">
        <ErrorAlert error={setMyLanguage.error} />
        <SelectField
          label={t('fields.myLanguage')}
          value={setMyLanguage.isPending ? setMyLanguage.variables.language : me.language}
          options={uiLanguageOptions(t)}
          onValueChange={onMyLanguage}
          disabled={setMyLanguage.isPending}
        />
      </div>
      {me.role === 'administrator' ? <DefaultLanguageForm /> : null}
      {me.role === 'administrator' ? <SessionSettingsSection /> : null}
      {me.role === 'administrator' ? <TicketCategoriesSection /> : null}
      {me.role === 'administrator' ? <TicketAccessSettingsSection /> : null}
      <PasswordPolicySection me={me} />
      <MailSettingsSections me={me} />
      <SmsGatewaySection me={me} />
      <OfficeDatabaseSection me={me} />
    </section>
  );
}
