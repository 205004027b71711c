import type { StaffMember } from '../../../../shared/api/staff';
import { ActivationSettingsSection } from './ActivationSettingsSection';
import { MailTemplatesSection } from './MailTemplatesSection';
import { SmtpSettingsSection } from './SmtpSettingsSection';

/** The mail-related settings, in the order an administrator sets them up: server, links, texts. */
export function MailSettingsSections({ me }: { me: StaffMember }) {
  return (
    <>
      <SmtpSettingsSection me={me} />
      <ActivationSettingsSection me={me} />
      <MailTemplatesSection me={me} />
    </>
  );
}
