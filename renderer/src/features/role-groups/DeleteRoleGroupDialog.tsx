import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleGroup } from '../../../../shared/api/role-groups';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import { navigate } from '../../router/use-route';
import { useDeleteRoleGroup } from './role-group-queries';

/**
 * Deleting a group. While accounts use it, they must move to another group in the same
 * step: the dialog asks which, and will not delete without one.
 */
export function DeleteRoleGroupDialog({ group, groups, onDone }: { group: RoleGroup; groups: readonly RoleGroup[]; onDone: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteRoleGroup();
  const others = groups.filter((g) => g.id !== group.id);
  const inUse = group.accountCount > 0;
  const [target, setTarget] = useState('');
  const [missingTarget, setMissingTarget] = useState(false);

  const onConfirm = async () => {
    if (inUse && target === '') {
      setMissingTarget(true);
      return;
    }
    try {
      await remove.mutateAsync({ id: group.id, moveAccountsTo: inUse ? Number(target) : null });
      notify(t('roleGroups.deleted', { name: group.name }));
      onDone();
      navigate({ name: 'role-groups' }, { replace: true });
    } catch {
      // Shown in the dialog by ErrorAlert.
    }
  };

  return (
    <Dialog
      title={t('roleGroups.deleteTitle')}
      onClose={onDone}
      actions={
        <>
          <button type="button" className="button button--danger" onClick={() => void onConfirm()} disabled={remove.isPending} aria-busy={remove.isPending}>
            {inUse ? t('roleGroups.moveAndDelete') : t('roleGroups.deleteTitle')}
          </button>
          <button type="button" className="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
        </>
      }
    >
      <p>{inUse ? t('roleGroups.deleteInUse', { name: group.name, count: group.accountCount }) : t('roleGroups.deleteText', { name: group.name })}</p>
      <ErrorAlert error={remove.error} />
      {inUse ? (
        <SelectField
          label={t('roleGroups.moveTo')}
          value={target}
          options={[{ value: '', label: t('roleGroups.chooseGroup') }, ...others.map((g) => ({ value: String(g.id), label: g.name }))]}
          onValueChange={(v) => {
            setTarget(v);
            setMissingTarget(false);
          }}
          error={missingTarget ? { code: 'required' } : undefined}
        />
      ) : null}
    </Dialog>
  );
}
