// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ExplainPanel } from '../../../renderer/src/features/view-as/ExplainPanel';
import { ViewAsScreen } from '../../../renderer/src/features/view-as/ViewAsScreen';
import { viewAsText } from '../../../renderer/src/features/view-as/view-as.text';
import { ACCESS_CHECKS, ACCESS_REASONS, type AccessExplanation, type ViewAsTicketRow } from '../../../shared/api/ticket-view';
import { AppError } from '../../../shared/errors';
import { staffMember } from './support/fixtures';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

const AT = '2026-02-01T09:00:00.000Z';

const row = (number: number, title: string): ViewAsTicketRow => ({
  id: number - 10000,
  number,
  title,
  status: 'new',
  priority: 'high',
  projectId: 11,
  projectName: 'Webshop',
  taskId: 21,
  taskName: 'Design',
  assigneeName: 'Sam',
  writable: true,
  createdAt: AT,
  updatedAt: AT,
});

const hidden: AccessExplanation = {
  visible: false,
  writable: false,
  rights: [{ rightId: 5, checks: [{ check: 'right_live', passed: true }, { check: 'same_project', passed: true }, { check: 'customer_project', passed: true }, { check: 'task_in_scope', passed: false }, { check: 'not_read_only', passed: true }] }],
  reasons: ['task_not_in_scope'],
};

describe('the reasons a contact does or does not see a ticket', () => {
  it('has a text for every reason and every check in every language', () => {
    for (const language of ['en', 'nl', 'de'] as const) {
      const text = viewAsText[language];
      for (const reason of ACCESS_REASONS) expect(text.reasons[reason], `${language} ${reason}`).toMatch(/\S/);
      for (const check of ACCESS_CHECKS) expect(text.checks[check], `${language} ${check}`).toMatch(/\S/);
    }
  });

  it('explains a hidden ticket in Dutch: the verdict, the reason and each check of the right, named by its project', async () => {
    const user = userEvent.setup();
    renderWithApp(
      <ExplainPanel
        contact={{ personId: 3 }}
        number={10002}
        rights={[{ id: 5, personId: 3, accountId: null, organisationId: null, projectId: 11, projectName: 'Webshop', scope: 'one_task', taskId: 21, taskName: 'Design', taskIds: [], readOnly: false, createdAt: AT, revokedAt: null }]}
        onClose={() => undefined}
      />,
      { 'ticket-view:explain': () => hidden },
      { language: 'nl' },
    );
    const panel = screen.getByRole('region', { name: 'Waarom T-10002?' });
    expect(await within(panel).findByText('Niet zichtbaar voor dit contact')).toBeTruthy();
    expect(within(panel).getByText('De taak van het ticket valt niet binnen het bereik van het recht.')).toBeTruthy();
    await user.click(within(panel).getByText('Controles per recht'));
    expect(within(panel).getByRole('heading', { name: 'Webshop: Eén taak (Design)' })).toBeTruthy();
    expect(within(panel).getByText('Taak binnen het bereik van het recht: niet voldaan')).toBeTruthy();
  });
});

describe('viewing tickets as a contact', () => {
  it('opens once (audited), names the contact in a banner, asks why for a row and why not for a typed number', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<ViewAsScreen contact={{ personId: 3 }} />, {
      'session:current': () => staffMember(),
      'ticket-view:open': () => ({ kind: 'person', accountId: null, personId: 3, organisationId: 7, name: 'Alice Adams', organisationName: 'Acme', allowed: true, reasons: [] }),
      'ticket-view:list': () => ({ rows: [row(10001, 'Checkout broken')], total: 1 }),
      'ticket-rights:list': () => [],
      'ticket-view:explain': (input) => {
        if (input.number === 10001) return { visible: true, writable: true, rights: [], reasons: ['visible', 'writable'] };
        if (input.number === 10002) return hidden;
        throw new AppError('NOT_FOUND', 'no such ticket');
      },
    });
    expect(await screen.findByRole('note', { name: 'Tickets as Alice Adams sees them' })).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('Read-only');
    const table = await screen.findByRole('table');
    const ticket = within(table).getByRole('row', { name: /Checkout broken/ });
    await user.click(within(ticket).getByRole('button', { name: 'Why does this contact see T-10001?' }));
    const why = await screen.findByRole('region', { name: 'Why T-10001?' });
    expect(await within(why).findByText('A live right on the ticket’s project and task covers it.')).toBeTruthy();

    await user.type(screen.getByLabelText('Ticket number'), 'T-10002');
    await user.click(screen.getByRole('button', { name: 'Why not?' }));
    const whyNot = await screen.findByRole('region', { name: 'Why T-10002?' });
    expect(await within(whyNot).findByText('The ticket’s task is not in the scope of the right.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Waiting for me' }));
    await waitFor(() => expect(fake.callsTo('ticket-view:list').at(-1)).toMatchObject({ contact: { personId: 3 }, quickLink: 'waiting_for_me', offset: 0 }));
    expect(fake.callsTo('ticket-view:open')).toEqual([{ contact: { personId: 3 } }]);
  });
});
