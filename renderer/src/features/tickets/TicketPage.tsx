import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail, TicketPriority, TicketStatus } from '../../../../shared/api/tickets';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/Field';
import { useFormat } from '../../i18n/format';
import { Link } from '../../router/Link';
import { TicketAssignments } from './TicketAssignments';
import { TicketComments } from './TicketComments';
import { TicketFormDialog } from './TicketFormDialog';
import { TicketHistory } from './TicketHistory';
import { TicketTimeEntries } from './TicketTimeEntries';
import { priorityOptions, statusOptions } from './ticket-options';
import { useTicket, useUpdateTicket } from './ticket-queries';

/** Status and priority change right in the header, each on its own: one click, one audited change. */
function InlineWorkflow({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const update = useUpdateTicket();
  return (
    <div>
      <div className="toolbar">
        <SelectField
          label={t('tickets.fields.status')}
          value={ticket.status}
          options={statusOptions(t)}
          disabled={update.isPending}
          onValueChange={(status) => update.mutate({ id: ticket.id, status: status as TicketStatus })}
        />
        <SelectField
          label={t('tickets.fields.priority')}
          value={ticket.priority}
          options={priorityOptions(t)}
          disabled={update.isPending}
          onValueChange={(priority) => update.mutate({ id: ticket.id, priority: priority as TicketPriority })}
        />
      </div>
      <ErrorAlert error={update.error} />
    </div>
  );
}

function TicketDetails({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const createdBy = ticket.createdByStaffName ?? (ticket.createdByAccountId !== null ? t('tickets.page.portal') : null);
  return (
    <section className="panel" aria-labelledby="ticket-details">
      <h2 id="ticket-details">{t('tickets.page.details')}</h2>
      <dl className="details">
        <dt>{t('tickets.page.projectTask')}</dt>
        <dd>
          <Link to={{ name: 'tickets', projectId: ticket.projectId }}>{ticket.projectName}</Link> / {ticket.taskName}
        </dd>
        {ticket.organisationId !== null ? (
          <>
            <dt>{t('tickets.page.organisation')}</dt>
            <dd>
              <Link to={{ name: 'organisation', id: ticket.organisationId }}>{ticket.organisationName}</Link>
            </dd>
          </>
        ) : null}
        <dt>{t('tickets.fields.assignee')}</dt>
        <dd>{ticket.assigneeName ?? t('tickets.fields.none')}</dd>
        <dt>{t('tickets.fields.contact')}</dt>
        <dd>{ticket.contactPersonId !== null ? <Link to={{ name: 'person', id: ticket.contactPersonId }}>{ticket.contactName}</Link> : t('tickets.fields.none')}</dd>
        <dt>{t('tickets.fields.categories')}</dt>
        <dd>{ticket.categories.length > 0 ? <CategoryNames ticket={ticket} /> : t('tickets.page.noCategories')}</dd>
        {createdBy ? (
          <>
            <dt>{t('tickets.page.createdBy')}</dt>
            <dd>{createdBy}</dd>
          </>
        ) : null}
        <dt>{t('tickets.page.createdAt')}</dt>
        <dd>{format.dateTime(ticket.createdAt)}</dd>
        <dt>{t('tickets.page.updatedAt')}</dt>
        <dd>{format.dateTime(ticket.updatedAt)}</dd>
      </dl>
    </section>
  );
}

/** A category's name in the UI language (the detail carries all three). */
function CategoryNames({ ticket }: { ticket: TicketDetail }) {
  const { i18n } = useTranslation();
  const nameOf = (c: TicketDetail['categories'][number]) => (i18n.language === 'nl' ? c.nameNl : i18n.language === 'de' ? c.nameDe : c.nameEn);
  return <>{ticket.categories.map(nameOf).join(', ')}</>;
}

/** One ticket: header with status and priority, description, details, secondary projects, comments, time and history. */
export function TicketPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const query = useTicket(id);
  const [editing, setEditing] = useState(false);
  const ticket = query.data;

  return (
    <section className="screen screen--wide" aria-busy={query.isFetching}>
      <p>
        <Link to={{ name: 'tickets' }}>{t('tickets.page.back')}</Link>
      </p>
      <ErrorAlert error={query.error} />
      {query.isPending ? <p className="loading">{t('app.loading')}</p> : null}
      {ticket ? (
        <>
          <header className="screen__header">
            <h1>
              {ticket.reference} · {ticket.title}
            </h1>
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t('tickets.page.edit')}
            </button>
          </header>
          <InlineWorkflow ticket={ticket} />
          <section aria-labelledby="ticket-description">
            <h2 id="ticket-description">{t('tickets.fields.description')}</h2>
            {ticket.description ? <p className="prewrap">{ticket.description}</p> : <p className="muted">{t('tickets.page.noDescription')}</p>}
          </section>
          <div className="panels">
            <TicketDetails ticket={ticket} />
            <TicketAssignments ticket={ticket} />
          </div>
          <TicketComments ticket={ticket} />
          <TicketTimeEntries ticket={ticket} />
          <TicketHistory ticketId={ticket.id} />
          {editing ? <TicketFormDialog ticket={ticket} onClose={() => setEditing(false)} /> : null}
        </>
      ) : null}
    </section>
  );
}
