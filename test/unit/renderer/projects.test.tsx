// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { resetSessionStores } from '../../../renderer/src/components/session-stores';
import { ProjectDialog } from '../../../renderer/src/features/projects/ProjectDialog';
import { ProjectsScreen } from '../../../renderer/src/features/projects/ProjectsScreen';
import { ProjectTasks } from '../../../renderer/src/features/projects/ProjectTasks';
import type { Task } from '../../../shared/api/projects';
import { AppError } from '../../../shared/errors';
import { organisation, project, staffMember, task } from './support/fixtures';
import { renderWithApp } from './support/render-app';

afterEach(() => {
  cleanup();
  resetSessionStores();
});

const ORGANISATIONS = [organisation({ id: 7, name: 'Bäckerei Müller GmbH' }), organisation({ id: 9, name: 'Koffiebranderij De Boon', city: 'Utrecht' })];
const organisationsList = ({ search }: { search?: string | undefined }) => {
  const rows = ORGANISATIONS.filter((o) => o.name.toLowerCase().includes((search ?? '').toLowerCase()));
  return { rows, total: rows.length };
};

describe('the project dialog', () => {
  it('marks a missing name and organisation at their fields, keeps what was typed, and creates an internal project without one', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<ProjectDialog onClose={() => undefined} />, {
      'organisations:list': organisationsList,
      'projects:create': (input) => project({ id: 60, name: input.name, organisationId: null, organisationName: null, internal: true }),
    });
    const dialog = screen.getByRole('dialog', { name: 'New project' });
    await user.click(within(dialog).getByRole('button', { name: 'Save project' }));
    expect(within(dialog).getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByRole('combobox', { name: 'Organisation' }).getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getAllByText('This field is required.')).toHaveLength(2);

    await user.type(within(dialog).getByLabelText('Name'), 'Intranet');
    await user.click(within(dialog).getByRole('button', { name: 'Save project' }));
    expect(within(dialog).getAllByText('This field is required.')).toHaveLength(1);
    expect(fake.callsTo('projects:create')).toEqual([]);
    expect((within(dialog).getByLabelText('Name') as HTMLInputElement).value).toBe('Intranet');

    await user.click(within(dialog).getByRole('checkbox', { name: 'Internal project (no customer organisation)' }));
    expect(within(dialog).queryByRole('combobox', { name: 'Organisation' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Save project' }));
    await waitFor(() => expect(fake.callsTo('projects:create')).toEqual([{ name: 'Intranet', organisationId: null }]));
  });

  it("picks the organisation by keyboard, and on the core's refusal shows its field error and keeps the dialog with everything typed (German)", async () => {
    const user = userEvent.setup();
    let closed = false;
    const { fake } = renderWithApp(
      <ProjectDialog onClose={() => (closed = true)} />,
      {
        'organisations:list': organisationsList,
        'projects:create': () => {
          throw new AppError('VALIDATION', 'name taken', { fields: { name: { code: 'too_big', max: 5 } } });
        },
      },
      { language: 'de' },
    );
    const dialog = screen.getByRole('dialog', { name: 'Neues Projekt' });
    await user.type(within(dialog).getByLabelText('Name'), 'Webshop 2027');
    const picker = within(dialog).getByRole('combobox', { name: 'Organisation' });
    await user.type(picker, 'koffie');
    await waitFor(() => expect(within(dialog).getAllByRole('option').map((o) => o.textContent)).toEqual(['Koffiebranderij De Boon · Utrecht']));
    await user.keyboard('{ArrowDown}{Enter}');
    await user.click(within(dialog).getByRole('button', { name: 'Projekt speichern' }));
    await waitFor(() => expect(fake.callsTo('projects:create')).toEqual([{ name: 'Webshop 2027', organisationId: 9 }]));
    await waitFor(() => expect(within(dialog).getByLabelText('Name').getAttribute('aria-invalid')).toBe('true'));
    expect(closed).toBe(false);
    expect((within(dialog).getByLabelText('Name') as HTMLInputElement).value).toBe('Webshop 2027');
    expect((picker as HTMLInputElement).value).toBe('Koffiebranderij De Boon');
  });

  it('starts a project from an organisation page with that organisation chosen, and edits keep the organisation', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<ProjectDialog organisation={{ id: 7, name: 'Bäckerei Müller GmbH' }} onClose={() => undefined} />, {
      'organisations:list': organisationsList,
      'projects:create': (input) => project({ id: 61, name: input.name }),
    });
    const dialog = screen.getByRole('dialog', { name: 'New project' });
    expect((within(dialog).getByRole('combobox', { name: 'Organisation' }) as HTMLInputElement).value).toBe('Bäckerei Müller GmbH');
    await user.type(within(dialog).getByLabelText('Name'), 'Kassa');
    await user.click(within(dialog).getByRole('button', { name: 'Save project' }));
    await waitFor(() => expect(fake.callsTo('projects:create')).toEqual([{ name: 'Kassa', organisationId: 7 }]));
  });
});

describe('the projects list', () => {
  it('sends search and filters to the core, and archives from the context menu after asking (Dutch)', async () => {
    const user = userEvent.setup();
    let rows = [project({ id: 41, name: 'Webshop', taskCount: 3 }), project({ id: 42, name: 'Intranet', organisationId: null, organisationName: null, internal: true })];
    const { fake } = renderWithApp(
      <ProjectsScreen />,
      {
        'session:current': () => staffMember(),
        'organisations:list': organisationsList,
        'projects:list': () => ({ rows, total: rows.length }),
        'projects:archive': ({ id }) => {
          const archived = project({ id, name: 'Webshop', archived: true });
          rows = rows.map((r) => (r.id === id ? archived : r));
          return archived;
        },
      },
      { language: 'nl' },
    );
    const row = await screen.findByRole('row', { name: /Webshop/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Webshop', 'Bäckerei Müller GmbH', '3', 'Actief']);
    expect(within(screen.getByRole('row', { name: /Intranet/ })).getAllByRole('cell')[1]?.textContent).toBe('Intern');

    await user.selectOptions(screen.getByLabelText('Soort'), 'Interne projecten');
    await user.click(screen.getByRole('checkbox', { name: 'Ook gearchiveerde' }));
    await waitFor(() => expect(fake.callsTo('projects:list')).toContainEqual(expect.objectContaining({ internal: true, includeArchived: true, offset: 0 })));

    fireEvent.contextMenu(screen.getByRole('row', { name: /Webshop/ }), { clientX: 10, clientY: 10 });
    const menu = screen.getByRole('menu', { name: 'Acties voor project Webshop' });
    await user.click(within(menu).getByRole('menuitem', { name: 'Archiveren' }));
    const dialog = screen.getByRole('dialog', { name: 'Project archiveren' });
    expect(dialog.textContent).toContain('Het project “Webshop” archiveren?');
    expect(fake.callsTo('projects:archive')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Project archiveren' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('projects:archive')).toEqual([{ id: 41 }]);
    await waitFor(() => expect(within(screen.getByRole('row', { name: /Webshop/ })).getByText('Gearchiveerd')).toBeTruthy());
  });
});

describe("a project's tasks", () => {
  it('adds a task (an empty name is marked and nothing is sent), renames one keeping the typed name on a refusal, and archives one', async () => {
    const user = userEvent.setup();
    let tasks: Task[] = [task({ id: 51, name: 'Design' })];
    const { fake } = renderWithApp(<ProjectTasks project={project({ id: 41 })} />, {
      'tasks:list': () => ({ rows: tasks, total: tasks.length }),
      'tasks:create': ({ projectId, name }) => {
        const created = task({ id: 52, projectId, name });
        tasks = [...tasks, created];
        return created;
      },
      'tasks:update': () => {
        throw new AppError('VALIDATION', 'too long', { fields: { name: { code: 'too_big', max: 3 } } });
      },
      'tasks:archive': ({ id }) => {
        const archived = task({ id, name: 'Design', archived: true });
        tasks = tasks.map((t) => (t.id === id ? archived : t));
        return archived;
      },
    });
    await screen.findByRole('row', { name: /Design/ });
    await user.click(screen.getByRole('button', { name: 'Add task' }));
    let dialog = screen.getByRole('dialog', { name: 'Add task' });
    await user.click(within(dialog).getByRole('button', { name: 'Save task' }));
    expect(within(dialog).getByLabelText('Task name').getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsTo('tasks:create')).toEqual([]);
    await user.type(within(dialog).getByLabelText('Task name'), 'Build');
    await user.click(within(dialog).getByRole('button', { name: 'Save task' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('tasks:create')).toEqual([{ projectId: 41, name: 'Build' }]);
    expect(await screen.findByRole('row', { name: /Build/ })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Rename task Design' }));
    dialog = screen.getByRole('dialog', { name: 'Rename task' });
    const name = within(dialog).getByLabelText('Task name') as HTMLInputElement;
    expect(name.value).toBe('Design');
    await user.clear(name);
    await user.type(name, 'Visual design');
    await user.click(within(dialog).getByRole('button', { name: 'Save task' }));
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(name.value).toBe('Visual design');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await user.click(screen.getByRole('button', { name: 'Archive task Design' }));
    await waitFor(() => expect(fake.callsTo('tasks:archive')).toEqual([{ id: 51 }]));
  });
});
