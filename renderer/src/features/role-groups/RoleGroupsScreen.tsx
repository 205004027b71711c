import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleGroup } from '../../../../shared/api/role-groups';
import type { StaffMember } from '../../../../shared/api/staff';
import { ContextMenu } from '../../components/ContextMenu';
import { OpenableRow, TableMessage } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { navigate } from '../../router/use-route';
import { DeleteRoleGroupDialog } from './DeleteRoleGroupDialog';
import { roleGroupDescription } from './role-group-description';
import { useRoleGroups } from './role-group-queries';

const COLUMNS = 4;

/** Every role group: what it is, how much it grants, how many accounts use it. */
export function RoleGroupsScreen({ me }: { me: StaffMember }) {
  const { t } = useTranslation();
  const groups = useRoleGroups();
  const isAdmin = me.role === 'administrator';
  const [menu, setMenu] = useState<{ x: number; y: number; group: RoleGroup } | null>(null);
  const [deleting, setDeleting] = useState<RoleGroup | null>(null);
  const rows = groups.data ?? [];

  const openMenu = (group: RoleGroup, x: number, y: number) => setMenu({ x, y, group });

  return (
    <section className="screen" aria-busy={groups.isFetching}>
      <header className="screen__header">
        <h1>{t('roleGroups.title')}</h1>
        {isAdmin ? (
          <button type="button" className="button button--primary" onClick={() => navigate({ name: 'role-group', id: 'new' })}>
            {t('roleGroups.new')}
          </button>
        ) : null}
      </header>
      <p className="muted">{t('roleGroups.intro')}</p>
      <ErrorAlert error={groups.error} />
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('roleGroups.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('roleGroups.columns.name')}</th>
              <th scope="col">{t('roleGroups.columns.description')}</th>
              <th scope="col">{t('roleGroups.columns.permissions')}</th>
              <th scope="col">{t('roleGroups.columns.accounts')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.isPending ? <TableMessage colSpan={COLUMNS}>{t('app.loading')}</TableMessage> : null}
            {rows.map((group) => (
              <OpenableRow
                key={group.id}
                onOpen={() => navigate({ name: 'role-group', id: group.id })}
                onContextMenu={(event) => {
                  event.preventDefault();
                  openMenu(group, event.clientX, event.clientY);
                }}
                onMenuKey={(rect) => openMenu(group, rect.left + 24, rect.bottom)}
              >
                <td className="cell-strong">
                  {group.name} {group.builtIn ? <span className="badge">{t('roleGroups.builtIn')}</span> : null}
                </td>
                <td>{roleGroupDescription(t, group)}</td>
                <td>{group.permissions.length}</td>
                <td>{group.accountCount}</td>
              </OpenableRow>
            ))}
          </tbody>
        </table>
      </div>
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
    </section>
  );
}
