import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../shared/api/projects';
import { ContextMenu } from '../../components/ContextMenu';
import { CheckboxField, SelectField } from '../../components/Field';
import { PAGE_SIZE, useListState } from '../../components/list-state';
import { ListScreen } from '../../components/ListScreen';
import { SearchField } from '../../components/SearchField';
import { navigate } from '../../router/use-route';
import { OrganisationPicker } from '../organisations/OrganisationPicker';
import { ArchiveProjectDialog } from './ArchiveProjectDialog';
import { internalFilter, useProjectFilterStore, type ProjectKind } from './project-filter-store';
import { useProjectList, type ProjectSort } from './project-queries';
import { ProjectDialog } from './ProjectDialog';

const column = createColumnHelper<Project>();
const KINDS: readonly ProjectKind[] = ['all', 'customer', 'internal'];

/** Every project: search, filters, sort and paging happen in the core's SQL. */
export function ProjectsScreen() {
  const { t } = useTranslation();
  const list = useListState<ProjectSort>('projects', 'name');
  const filters = useProjectFilterStore();
  const query = useProjectList({
    search: list.search,
    sort: list.sort,
    direction: list.direction,
    offset: list.offset,
    limit: PAGE_SIZE,
    includeArchived: filters.includeArchived,
    ...(filters.organisation ? { organisationId: filters.organisation.id } : {}),
    ...internalFilter(filters.kind),
  });
  const [menu, setMenu] = useState<{ x: number; y: number; project: Project } | null>(null);
  const [editing, setEditing] = useState<Project | 'new' | null>(null);
  const [archiving, setArchiving] = useState<Project | null>(null);
  // A changed filter changes the result set: back to its first page.
  const filter = (patch: Parameters<typeof filters.set>[0]) => {
    filters.set(patch);
    list.setOffset(0);
  };

  const columns = [
    column.display({ id: 'name', header: t('projects.columns.name'), cell: ({ row }) => row.original.name, meta: { sort: 'name', className: 'cell-strong' } }),
    column.display({
      id: 'organisation',
      header: t('projects.columns.organisation'),
      cell: ({ row: { original: p } }) => (p.organisationName === null ? <span className="badge">{t('projects.internal')}</span> : p.internal ? `${p.organisationName} (${t('projects.internal')})` : p.organisationName),
      meta: { sort: 'organisation' },
    }),
    column.display({ id: 'tasks', header: t('projects.columns.tasks'), cell: ({ row }) => row.original.taskCount, meta: { className: 'cell-number' } }),
    column.display({
      id: 'archived',
      header: t('projects.columns.archived'),
      cell: ({ row: { original: p } }) => <span className={p.archived ? 'badge badge--off' : 'badge badge--ok'}>{p.archived ? t('projects.archivedBadge') : t('projects.active')}</span>,
    }),
  ];

  return (
    <ListScreen
      title={t('projects.title')}
      busy={query.isFetching}
      actions={
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          {t('projects.new')}
        </button>
      }
      top={
        <div className="toolbar toolbar--wrap">
          <SearchField value={list.search} onSearch={list.setSearch} />
          <OrganisationPicker label={t('projects.filters.organisation')} optional value={filters.organisation} onChange={(organisation) => filter({ organisation })} />
          <SelectField
            label={t('projects.filters.kind')}
            value={filters.kind}
            options={KINDS.map((kind) => ({ value: kind, label: t(`projects.filters.kinds.${kind}`) }))}
            onValueChange={(value) => filter({ kind: KINDS.find((k) => k === value) ?? 'all' })}
          />
          <CheckboxField label={t('projects.filters.includeArchived')} checked={filters.includeArchived} onCheckedChange={(includeArchived) => filter({ includeArchived })} />
        </div>
      }
      error={query.error}
      columns={columns}
      rows={query.data?.rows ?? []}
      rowId={(p) => p.id}
      status={query.status}
      empty={t('projects.empty')}
      sorting={{ sort: list.sort, direction: list.direction, onSort: list.toggleSort }}
      onOpen={(p) => navigate({ name: 'project', id: p.id })}
      onRowMenu={(project, x, y) => setMenu({ x, y, project })}
      paging={{ offset: list.offset, limit: PAGE_SIZE, total: query.data?.total ?? 0, onOffset: list.setOffset }}
    >
      {menu ? (
        <ContextMenu
          label={t('projects.menu', { name: menu.project.name })}
          x={menu.x}
          y={menu.y}
          onClose={() => setMenu(null)}
          actions={[
            { id: 'open', label: t('projects.open'), onSelect: () => navigate({ name: 'project', id: menu.project.id }) },
            { id: 'edit', label: t('projects.edit'), onSelect: () => setEditing(menu.project) },
            menu.project.archived
              ? { id: 'unarchive', label: t('projects.unarchive'), onSelect: () => setArchiving(menu.project) }
              : { id: 'archive', label: t('projects.archive'), onSelect: () => setArchiving(menu.project), danger: true },
          ]}
        />
      ) : null}
      {editing ? (
        <ProjectDialog
          project={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            if (editing === 'new') navigate({ name: 'project', id: saved.id });
          }}
        />
      ) : null}
      {archiving ? <ArchiveProjectDialog project={archiving} onDone={() => setArchiving(null)} /> : null}
    </ListScreen>
  );
}
