import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleGroup } from '../../../../shared/api/role-groups';
import type { StaffMember } from '../../../../shared/api/staff';
import type { PermissionKey } from '../../../../shared/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckboxField, TextField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import { recordVersion, useForm } from '../../components/use-form';
import { Link } from '../../router/Link';
import { navigate } from '../../router/use-route';
import { HistoryLink } from '../audit/HistoryLink';
import { DeleteRoleGroupDialog } from './DeleteRoleGroupDialog';
import { PermissionChecklist } from './PermissionChecklist';
import { isShippedDescription, roleGroupDescription } from './role-group-description';
import { useCreateRoleGroup, useRoleGroup, useRoleGroups, useUpdateRoleGroup } from './role-group-queries';

interface Values {
  name: string;
  description: string;
  permissions: PermissionKey[];
  requiresTwoStep: boolean;
}

const toForm = (g: RoleGroup | undefined): Values => ({
  name: g?.name ?? '',
  description: g?.description ?? '',
  permissions: [...(g?.permissions ?? [])],
  requiresTwoStep: g?.requiresTwoStep ?? false,
});

function RoleGroupForm({ group, editable }: { group?: RoleGroup; editable: boolean }) {
  const { t } = useTranslation();
  const form = useForm<Values>(toForm(group), recordVersion(group));
  const create = useCreateRoleGroup();
  const update = useUpdateRoleGroup();
  const all = useRoleGroups();
  const [deleting, setDeleting] = useState(false);
  const { values, set, fieldErrors } = form;
  const saving = create.isPending || update.isPending;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!editable) return;
    form.clearErrors();
    try {
      if (group) {
        const saved = await update.mutateAsync({ id: group.id, ...values });
        form.setValues(toForm(saved));
        notify(t('roleGroups.saved', { name: saved.name }));
      } else {
        const created = await create.mutateAsync(values);
        notify(t('roleGroups.created', { name: created.name }));
        navigate({ name: 'role-group', id: created.id }, { replace: true });
      }
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <form className="form form--wide" onSubmit={onSubmit} noValidate aria-label={t('roleGroups.title')}>
      {editable ? null : <p className="notice">{t('roleGroups.readOnly')}</p>}
      {group ? <p className="muted">{t('roleGroups.usedBy', { count: group.accountCount })}</p> : null}
      <ErrorAlert error={form.error} />
      <fieldset className="fieldset" disabled={!editable}>
        <legend className="visually-hidden">{t('roleGroups.title')}</legend>
        <TextField label={t('roleGroups.fields.name')} value={values.name} onValueChange={(v) => set('name', v)} error={fieldErrors.name} maxLength={80} required />
        {/* Staff read the shipped text in their language; administrators edit the stored one, told it is translated until changed. */}
        <TextField
          label={t('roleGroups.fields.description')}
          value={!editable && group ? roleGroupDescription(t, group) : values.description}
          onValueChange={(v) => set('description', v)}
          error={fieldErrors.description}
          hint={editable && group && isShippedDescription({ builtInKey: group.builtInKey, description: values.description }) ? t('roleGroups.builtInDescriptionHint') : undefined}
          maxLength={500}
        />
        <CheckboxField
          label={t('roleGroups.fields.requiresTwoStep')}
          hint={t('roleGroups.fields.requiresTwoStepHint')}
          checked={values.requiresTwoStep}
          onCheckedChange={(v) => set('requiresTwoStep', v)}
          error={fieldErrors.requiresTwoStep}
        />
      </fieldset>
      <h2>{t('roleGroups.permissions')}</h2>
      <PermissionChecklist value={values.permissions} onChange={(keys) => set('permissions', keys)} disabled={!editable} error={fieldErrors.permissions} />
      {editable ? (
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving}>
            {t('common.save')}
          </button>
          {group ? (
            <button type="button" className="button button--danger" onClick={() => setDeleting(true)}>
              {t('common.delete')}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => navigate({ name: 'role-groups' })}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      ) : null}
      {deleting && group ? <DeleteRoleGroupDialog group={group} groups={all.data ?? []} onDone={() => setDeleting(false)} /> : null}
    </form>
  );
}

/** A new role group, or an existing one to edit (administrators) or read (staff). */
export function RoleGroupPage({ id, me }: { id: number | 'new'; me: StaffMember }) {
  const { t } = useTranslation();
  const editable = me.role === 'administrator';
  const group = useRoleGroup(id === 'new' ? null : id);
  if (id === 'new') {
    return (
      <section className="screen">
        <h1>{t('roleGroups.new')}</h1>
        <RoleGroupForm editable={editable} />
      </section>
    );
  }
  return (
    <section className="screen" aria-busy={group.isFetching}>
      <h1>{group.data ? group.data.name : group.isError ? t('roleGroups.title') : t('app.loading')}</h1>
      <p className="subtitle">
        <Link to={{ name: 'role-groups' }}>{t('roleGroups.title')}</Link>
      </p>
      <HistoryLink entity="role-group" id={id} />
      <ErrorAlert error={group.error} />
      {group.data ? <RoleGroupForm key={group.data.id} group={group.data} editable={editable} /> : null}
    </section>
  );
}
