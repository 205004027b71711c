import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleGroup } from '../../../../shared/api/role-groups';
import type { StaffMember } from '../../../../shared/api/staff';
import { ContextMenu } from '../../components/ContextMenu';
import { ListScreen } from '../../components/ListScreen';
import { navigate } from '../../router/use-route';
import { DeleteRoleGroupDialog } from './DeleteRoleGroupDialog';
import { roleGroupDescription } from './role-group-description';
import { useRoleGroups } from './role-group-queries';

const column = createColumnHelper<RoleGroup>();

/** Every role group: what it is, how much it grants, how many accounts use it. */
export function RoleGroupsScreen({ me }: { me: StaffMember }) {
  const { t } = useTranslation();
  const groups = useRoleGroups();
  const isAdmin = me.role === 'administrator';
  const [menu, setMenu] = useState<{ x: number; y: number; group: RoleGroup } | null>(null);
  const [deleting, setDeleting] = useState<RoleGroup | null>(null);
  const rows = groups.data ?? [];

  const openMenu = (group: RoleGroup, x: number, y: number) => setMenu({ x, y, group });

  const columns = [
    column.display({
      id: 'name',
      header: t('roleGroups.columns.name'),
      cell: ({ row: { original: group } }) => (
        <>
          {group.name} {group.builtIn ? <span className="badge">{t('roleGroups.builtIn')}</span> : null}
          {group.requiresTwoStep ? <span className="badge badge--info">{t('roleGroups.twoStep')}</span> : null}
        </>
      ),
      meta: { className: 'cell-strong' },
    }),
    column.display({ id: 'description', header: t('roleGroups.columns.description'), cell: ({ row }) => roleGroupDescription(t, row.original) }),
    column.display({ id: 'permissions', header: t('roleGroups.columns.permissions'), cell: ({ row }) => row.original.permissions.length }),
    column.display({ id: 'accounts', header: t('roleGroups.columns.accounts'), cell: ({ row }) => row.original.accountCount }),
  ];

  return (
    <ListScreen
      title={t('roleGroups.title')}
      busy={groups.isFetching}
      actions={
        isAdmin ? (
          <button type="button" className="button button--primary" onClick={() => navigate({ name: 'role-group', id: 'new' })}>
            {t('roleGroups.new')}
          </button>
        ) : null
      }
      top={<p className="muted">{t('roleGroups.intro')}</p>}
      error={groups.error}
      columns={columns}
      rows={rows}
      rowId={(group) => group.id}
      status={groups.status}
      onOpen={(group) => navigate({ name: 'role-group', id: group.id })}
      onRowMenu={openMenu}
    >
      {menu ? (
        <ContextMenu
          label={t('roleGroups.menu', { name: menu.group.name })}
          x={menu.x}
          y={menu.y}
          onClose={() => setMenu(null)}
          actions={[
            { id: 'open', label: t('roleGroups.open'), onSelect: () => navigate({ name: 'role-group', id: menu.group.id }) },
            {
              id: 'delete',
              label: t('roleGroups.delete'),
              onSelect: () => setDeleting(menu.group),
              disabled: !isAdmin,
              reason: isAdmin ? undefined : t('roleGroups.readOnly'),
              danger: true,
            },
          ]}
        />
      ) : null}
      {deleting ? <DeleteRoleGroupDialog group={deleting} groups={rows} onDone={() => setDeleting(null)} /> : null}
    </ListScreen>
  );
}
