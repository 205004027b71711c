import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../shared/api/tickets';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import { SearchPicker, type PickerOption } from '../../components/SearchPicker';
import { asAppError } from '../../i18n/error-messages';
import { useCurrentStaff } from '../session/session-queries';
import { CategoryChoice } from './CategoryChoice';
import { idOptions, priorityOptions, statusOptions } from './ticket-options';
import { emptyTicketForm, ticketFieldsOf, ticketFormOf, validateTicketForm, DESCRIPTION_MAX, TITLE_MAX, type TicketFormErrors, type TicketFormValues } from './ticket-form-values';
import { contactPicker, projectPicker, taskPicker, useProjectOption } from './ticket-pickers';
import { useCreateTicket, useStaffOptions, useUpdateTicket } from './ticket-queries';

interface TicketFormDialogProps {
  /** Without a ticket: "New ticket"; with one: its edit dialog. */
  ticket?: TicketDetail;
  /** The project a new ticket starts on (the list's project filter). */
  projectId?: number | null;
  onClose: (saved?: TicketDetail) => void;
}

/** What the pickers show for the ticket being edited: its project, task and contact by name. */
function pickedOf(ticket: TicketDetail | undefined): Picked {
  if (!ticket) return { project: null, task: null, contact: null };
  return {
    project: { id: ticket.projectId, name: ticket.organisationName ? `${ticket.projectName} — ${ticket.organisationName}` : ticket.projectName },
    task: { id: ticket.taskId, name: ticket.taskName },
    contact: ticket.contactPersonId === null ? null : { id: ticket.contactPersonId, name: ticket.contactName ?? `#${ticket.contactPersonId}` },
  };
}

interface Picked {
  project: PickerOption | null;
  task: PickerOption | null;
  contact: PickerOption | null;
}

/**
 * The ticket's fields in one dialog, for a new ticket and for editing one. Project, task and
 * contact are searched in the core as staff type (any of thousands); the task follows the
 * project, and the contact is one the core allows for it, the project's customer's persons first.
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
  const [picked, setPicked] = useState<Picked>(() => pickedOf(ticket));
  // A new ticket may start on the list's project, known by its id only.
  const startProject = useProjectOption(t, ticket ? null : projectId);
  const projectValue = values.projectId === '' ? null : (picked.project ?? startProject);
  const chosenProjectId = values.projectId === '' ? null : Number(values.projectId);
  const staff = useStaffOptions(me?.role === 'administrator');

  const set = (patch: Partial<TicketFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const pending = create.isPending || update.isPending;

  const staffRows = staff.data?.rows ?? [
    ...(me ? [{ id: me.id, name: me.name }] : []),
    ...(ticket?.assigneeId && ticket.assigneeId !== me?.id ? [{ id: ticket.assigneeId, name: ticket.assigneeName ?? `#${ticket.assigneeId}` }] : []),
  ];

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
        <SearchPicker
          label={t('tickets.fields.project')}
          required
          value={projectValue}
          query={projectPicker(t, i18n.language)}
          onChange={(project) => {
            setPicked({ project, task: null, contact: null });
            set({ projectId: project ? String(project.id) : '', taskId: '', contactPersonId: '' });
          }}
          error={errors.projectId}
        />
        <SearchPicker
          label={t('tickets.fields.task')}
          required
          value={values.taskId === '' ? null : picked.task}
          disabled={values.projectId === ''}
          hint={values.projectId === '' ? t('tickets.fields.taskNeedsProject') : undefined}
          query={taskPicker(chosenProjectId)}
          onChange={(task) => {
            setPicked((p) => ({ ...p, task }));
            set({ taskId: task ? String(task.id) : '' });
          }}
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
        <SearchPicker
          label={t('tickets.fields.contact')}
          optional
          value={values.contactPersonId === '' ? null : picked.contact}
          disabled={values.projectId === ''}
          hint={t('tickets.fields.contactHint')}
          query={contactPicker(chosenProjectId)}
          onChange={(contact) => {
            setPicked((p) => ({ ...p, contact }));
            set({ contactPersonId: contact ? String(contact.id) : '' });
          }}
          error={errors.contactPersonId}
        />
        <CategoryChoice language={i18n.language} chosen={values.categoryIds} onChange={(categoryIds) => set({ categoryIds })} error={errors.categoryIds} />
      </form>
    </Dialog>
  );
}
