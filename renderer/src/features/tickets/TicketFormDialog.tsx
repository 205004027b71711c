import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../shared/api/tickets';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import { asAppError } from '../../i18n/error-messages';
import { personName } from '../persons/person-queries';
import { useCurrentStaff } from '../session/session-queries';
import { CategoryChoice } from './CategoryChoice';
import { idOptions, priorityOptions, projectLabel, statusOptions } from './ticket-options';
import { emptyTicketForm, ticketFieldsOf, ticketFormOf, validateTicketForm, DESCRIPTION_MAX, TITLE_MAX, type TicketFormErrors, type TicketFormValues } from './ticket-form-values';
import { useCreateTicket, usePersonOptions, useProjectOptions, useStaffOptions, useTaskOptions, useUpdateTicket } from './ticket-queries';

interface TicketFormDialogProps {
  /** Without a ticket: "New ticket"; with one: its edit dialog. */
  ticket?: TicketDetail;
  /** The project a new ticket starts on (the list's project filter). */
  projectId?: number | null;
  onClose: (saved?: TicketDetail) => void;
}

/**
 * The ticket's fields in one dialog, for a new ticket and for editing one. The task list
 * follows the project, and the contact person comes from the project's organisation.
 * Problems show next to their field, from this form or from the core; nothing typed is lost.
 */
export function TicketFormDialog({ ticket, projectId = null, onClose }: TicketFormDialogProps) {
  const { t, i18n } = useTranslation();
  const create = useCreateTicket();
  const update = useUpdateTicket();
  const me = useCurrentStaff().data;
  const [values, setValues] = useState<TicketFormValues>(() => (ticket ? ticketFormOf(ticket) : emptyTicketForm(projectId)));
  const [errors, setErrors] = useState<TicketFormErrors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const projects = useProjectOptions();
  const chosenProject = projects.data?.rows.find((p) => String(p.id) === values.projectId) ?? null;
  const tasks = useTaskOptions(values.projectId === '' ? null : Number(values.projectId));
  const persons = usePersonOptions(chosenProject && !chosenProject.internal ? chosenProject.organisationId : null);
  const staff = useStaffOptions(me?.role === 'administrator');

  const set = (patch: Partial<TicketFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const pending = create.isPending || update.isPending;

  const staffRows = staff.data?.rows ?? [
    ...(me ? [{ id: me.id, name: me.name }] : []),
    ...(ticket?.assigneeId && ticket.assigneeId !== me?.id ? [{ id: ticket.assigneeId, name: ticket.assigneeName ?? `#${ticket.assigneeId}` }] : []),
  ];
  const personRows = persons.data?.rows.map((p) => ({ id: p.id, name: personName(p) })) ?? [];
  if (ticket?.contactPersonId && !personRows.some((p) => p.id === ticket.contactPersonId)) {
    personRows.push({ id: ticket.contactPersonId, name: ticket.contactName ?? `#${ticket.contactPersonId}` });
  }

  const onSubmit = async () => {
    setFormError(null);
    const local = validateTicketForm(values);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    try {
      const fields = ticketFieldsOf(values);
      const saved = ticket ? await update.mutateAsync({ id: ticket.id, ...fields }) : await create.mutateAsync({ ...fields, assignments: [] });
      notify(t(ticket ? 'tickets.dialog.saved' : 'tickets.dialog.created', { reference: saved.reference }));
      onClose(saved);
    } catch (error) {
      const appError = asAppError(error);
      setErrors((appError.fields ?? {}) as TicketFormErrors);
      setFormError(appError);
    }
  };

  return (
    <Dialog
      wide
      title={ticket ? t('tickets.dialog.editTitle', { reference: ticket.reference }) : t('tickets.new')}
      onClose={() => onClose()}
      actions={
        <>
          <button type="button" className="button" onClick={() => onClose()}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="ticket-form" className="button button--primary" disabled={pending}>
            {ticket ? t('tickets.dialog.save') : t('tickets.dialog.create')}
          </button>
        </>
      }
    >
      <form
        id="ticket-form"
        className="form form--wide"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit();
        }}
      >
        <ErrorAlert error={formError} />
        <TextField label={t('tickets.fields.title')} required value={values.title} onValueChange={(title) => set({ title })} maxLength={TITLE_MAX} error={errors.title} />
        <TextAreaField
          label={t('tickets.fields.description')}
          value={values.description}
          onValueChange={(description) => set({ description })}
          maxLength={DESCRIPTION_MAX}
          rows={4}
          error={errors.description}
        />
        <SelectField
          label={t('tickets.fields.project')}
          required
          value={values.projectId}
          options={idOptions(t('tickets.fields.chooseProject'), projects.data?.rows, (p) => projectLabel(t, p))}
          onValueChange={(id) => set({ projectId: id, taskId: '', contactPersonId: '' })}
          error={errors.projectId}
        />
        <SelectField
          label={t('tickets.fields.task')}
          required
          value={values.taskId}
          disabled={values.projectId === ''}
          hint={values.projectId === '' ? t('tickets.fields.taskNeedsProject') : undefined}
          options={idOptions(t('tickets.fields.chooseTask'), tasks.data?.rows, (task) => task.name)}
          onValueChange={(taskId) => set({ taskId })}
          error={errors.taskId}
        />
        <div className="filters">
          <SelectField label={t('tickets.fields.status')} value={values.status} options={statusOptions(t)} onValueChange={(s) => set({ status: s as TicketFormValues['status'] })} error={errors.status} />
          <SelectField
            label={t('tickets.fields.priority')}
            value={values.priority}
            options={priorityOptions(t)}
            onValueChange={(p) => set({ priority: p as TicketFormValues['priority'] })}
            error={errors.priority}
          />
        </div>
        <SelectField
          label={t('tickets.fields.assignee')}
          value={values.assigneeId}
          options={idOptions(t('tickets.fields.none'), staffRows, (s) => s.name)}
          onValueChange={(assigneeId) => set({ assigneeId })}
          error={errors.assigneeId}
        />
        <SelectField
          label={t('tickets.fields.contact')}
          value={values.contactPersonId}
          hint={t('tickets.fields.contactNeedsOrganisation')}
          options={idOptions(t('tickets.fields.none'), personRows, (p) => p.name)}
          onValueChange={(contactPersonId) => set({ contactPersonId })}
          error={errors.contactPersonId}
        />
        <CategoryChoice language={i18n.language} chosen={values.categoryIds} onChange={(categoryIds) => set({ categoryIds })} error={errors.categoryIds} />
      </form>
    </Dialog>
  );
}
