import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../shared/api/projects';
import { CheckboxField, TextField } from '../../components/Field';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notify } from '../../components/notification-store';
import { asAppError, type AnyFieldError } from '../../i18n/error-messages';
import { OrganisationPicker, type OrganisationRef } from '../organisations/OrganisationPicker';
import { useCreateProject, useUpdateProject } from './project-queries';

type FieldName = 'name' | 'organisationId';

interface ProjectDialogProps {
  /** The project to edit; none: a new one. */
  project?: Project | undefined;
  /** A new project's organisation, chosen already (from the organisation's page). */
  organisation?: OrganisationRef | undefined;
  onClose: () => void;
  /** Called with the saved project (a new one opens its page). */
  onSaved?: (project: Project) => void;
}

/**
 * New or edit project: its name, and its organisation or "internal". Problems show next to
 * their field, from this form or from the core, and the dialog stays open with everything typed.
 */
export function ProjectDialog({ project, organisation, onClose, onSaved }: ProjectDialogProps) {
  const { t } = useTranslation();
  const create = useCreateProject();
  const update = useUpdateProject();
  const [name, setName] = useState(project?.name ?? '');
  const startOrganisation = project ? (project.organisationId !== null ? { id: project.organisationId, name: project.organisationName ?? '' } : null) : (organisation ?? null);
  const [owner, setOwner] = useState<OrganisationRef | null>(startOrganisation);
  const [internal, setInternal] = useState(project ? project.organisationId === null : false);
  const [errors, setErrors] = useState<Partial<Record<FieldName, AnyFieldError>>>({});
  const [formError, setFormError] = useState<unknown>(null);
  const busy = create.isPending || update.isPending;

  const onSubmit = async () => {
    setFormError(null);
    const local: Partial<Record<FieldName, AnyFieldError>> = {};
    if (name.trim() === '') local.name = { code: 'required' };
    if (!internal && owner === null) local.organisationId = { code: 'required' };
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const fields = { name, organisationId: internal ? null : (owner?.id ?? null) };
    try {
      const saved = project ? await update.mutateAsync({ id: project.id, ...fields }) : await create.mutateAsync(fields);
      notify(project ? t('projects.saved') : t('projects.created', { name: saved.name }));
      onClose();
      onSaved?.(saved);
    } catch (error) {
      const appError = asAppError(error);
      setErrors(appError.fields ?? {});
      if (!appError.fields) setFormError(appError);
    }
  };

  return (
    <Dialog
      title={project ? t('projects.edit') : t('projects.new')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="project-form" className="button button--primary" disabled={busy}>
            {t('projects.save')}
          </button>
        </>
      }
    >
      <form
        id="project-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit();
        }}
      >
        <ErrorAlert error={formError} />
        <TextField label={t('projects.fields.name')} required maxLength={200} value={name} onValueChange={setName} error={errors.name} />
        <CheckboxField
          label={t('projects.fields.internal')}
          hint={t('projects.fields.internalHint')}
          checked={internal}
          onCheckedChange={(checked) => {
            setInternal(checked);
            setErrors(({ organisationId: _dropped, ...rest }) => rest);
          }}
        />
        {internal ? null : (
          <OrganisationPicker
            label={t('projects.fields.organisation')}
            value={owner}
            onChange={(choice) => {
              setOwner(choice);
              if (choice) setErrors(({ organisationId: _dropped, ...rest }) => rest);
            }}
            error={errors.organisationId}
          />
        )}
      </form>
    </Dialog>
  );
}
