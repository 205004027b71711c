import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/api/persons';
import type { PortalAccount } from '../../../../shared/api/portal-accounts';
import { Link } from '../../router/Link';
import { mayGrantAccess } from '../portal-accounts/portal-account-queries';
import { useCurrentStaff } from '../session/session-queries';
import { ViewAsLink } from '../view-as/ViewAsLink';
import { TicketRightsSection } from './TicketRightsSection';

/** The person page's "Ticket rights" and the way to see the person's tickets through their eyes. */
export function PersonTicketRights({ person }: { person: Pick<Person, 'id' | 'organisationId'> }) {
  const { t } = useTranslation();
  const me = useCurrentStaff().data;
  return (
    <>
      <ViewAsLink contact={{ personId: person.id }} label={t('viewAs.open')} />
      <TicketRightsSection holder={{ personId: person.id }} organisationId={person.organisationId} mayGrant={me ? mayGrantAccess(me) : false} title={t('ticketRights.title')} />
    </>
  );
}

/**
 * A portal account's ticket rights, per organisation link: a link that names no person holds its
 * own rights; one that names a person sees through that person's (the OfficeHeart rule).
 */
export function AccountTicketRights({ account, mayGrant }: { account: Pick<PortalAccount, 'id' | 'links'>; mayGrant: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="account-ticket-rights">
      {account.links.map((link) => (
        <div key={link.organisationId}>
          <ViewAsLink contact={{ accountId: account.id, organisationId: link.organisationId }} label={t('viewAs.openFor', { organisation: link.organisationName })} />
          {link.personId === null ? (
            <TicketRightsSection
              holder={{ accountId: account.id, organisationId: link.organisationId }}
              organisationId={link.organisationId}
              mayGrant={mayGrant}
              title={t('ticketRights.titleFor', { organisation: link.organisationName })}
            />
          ) : (
            <p>
              {t('ticketRights.seesThrough', { organisation: link.organisationName })} <Link to={{ name: 'person', id: link.personId }}>{link.personName ?? `#${link.personId}`}</Link>.
            </p>
          )}
        </div>
      ))}
    </div>
  );
}
