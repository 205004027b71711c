import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HistoryLink } from '../audit/HistoryLink';
import { StaffForm } from './StaffForm';
import { useStaffMember } from './staff-queries';

export function StaffMemberPage({ id }: { id: number | 'new' }) {
  const { t } = useTranslation();
  const query = useStaffMember(id === 'new' ? null : id);
  if (id === 'new') {
    return (
      <section className="screen">
        <h1>{t('staff.new')}</h1>
        <StaffForm />
      </section>
    );
  }
  const member = query.data;
  return (
    <section className="screen" aria-busy={query.isFetching}>
      <h1>{member?.name ?? (query.isError ? t('staff.title') : t('app.loading'))}</h1>
      <HistoryLink entity="staff" id={id} />
      <ErrorAlert error={query.error} />
      {member ? <StaffForm key={member.id} member={member} /> : null}
    </section>
  );
}
