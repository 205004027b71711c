// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { OutboxScreen } from '../../../renderer/src/features/outbox/OutboxScreen';
import { RoleGroupPage } from '../../../renderer/src/features/role-groups/RoleGroupPage';
import { SmsGatewaySection } from '../../../renderer/src/features/sms-gateway/SmsGatewaySection';
import type { OutboxMail } from '../../../shared/api/outbox';
import type { RoleGroup } from '../../../shared/api/role-groups';
import type { SmsGatewaySettings } from '../../../shared/api/sms-gateway';
import { AppError } from '../../../shared/errors';
import { staffMember } from './support/fixtures';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

const AT = '2026-12-05T09:00:00.000Z';

describe('the SMS gateway settings', () => {
  const stored: SmsGatewaySettings = { configured: true, url: 'https://sms.example.com/v1/messages', headerName: 'Authorization', secretSet: true, bodyTemplate: '{"to": "{{to}}", "text": "{{text}}"}' };

  it('keep the stored secret when the field is left empty, say when another server drops it, and send the template as typed', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<SmsGatewaySection me={staffMember()} />, { 'sms-gateway:get': () => stored, 'sms-gateway:update': () => stored });
    const secret = (await screen.findByLabelText('Secret (header value)')) as HTMLInputElement;
    expect(secret.type).toBe('password');
    expect(secret.value).toBe('');
    expect(secret.placeholder).toBe('stored — leave empty to keep');
    fireEvent.change(screen.getByLabelText('Request body'), { target: { value: 'to={{to}}&message={{text}}' } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.callsTo('sms-gateway:update')).toHaveLength(1));
    const sent = fake.callsTo('sms-gateway:update')[0] as Record<string, unknown>;
    expect(sent).not.toHaveProperty('secret');
    expect(sent).toEqual({ url: 'https://sms.example.com/v1/messages', headerName: 'Authorization', bodyTemplate: 'to={{to}}&message={{text}}' });

    const url = screen.getByLabelText('Address (URL)');
    await user.clear(url);
    await user.type(url, 'https://sms.example.com/v2/send');
    expect(screen.queryByText(/the stored secret is removed on saving/)).toBeNull();
    await user.clear(url);
    await user.type(url, 'https://elsewhere.example.net/send');
    expect(screen.getByText(/the stored secret is removed on saving/)).toBeTruthy();
  });

  it('show the core’s refusal of a template next to the field, with the rules in its hint', async () => {
    const user = userEvent.setup();
    renderWithApp(<SmsGatewaySection me={staffMember()} />, {
      'sms-gateway:get': () => stored,
      'sms-gateway:update': () => {
        throw new AppError('VALIDATION', 'bad template', { fields: { bodyTemplate: { code: 'missing_placeholder' } } });
      },
    });
    const body = await screen.findByLabelText('Request body');
    fireEvent.change(body, { target: { value: '{"to": "{{to}}"}' } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(body.getAttribute('aria-invalid')).toBe('true'));
    const described = (body.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
    expect(described.join(' ')).toContain('Must contain {{to}} (the phone number) and {{text}} (the message)');
    expect((body as HTMLTextAreaElement).value).toBe('{"to": "{{to}}"}');
  });

  it('are hidden from staff who are not administrators', () => {
    renderWithApp(<SmsGatewaySection me={staffMember({ role: 'staff' })} />, {});
    expect(screen.getByText('Only administrators can see and change the SMS gateway.')).toBeTruthy();
  });
});

describe('the role group editor', () => {
  const group: RoleGroup = { id: 4, name: 'Partners', description: null, builtIn: false, builtInKey: null, permissions: ['tickets.read'], requiresTwoStep: false, accountCount: 2, createdAt: AT, updatedAt: AT };

  it('lets an administrator require two-step login of the members, and sends it', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<RoleGroupPage id={4} me={staffMember()} />, {
      'role-groups:get': () => group,
      'role-groups:list': () => [group],
      'role-groups:update': (input) => ({ ...group, requiresTwoStep: input.requiresTwoStep ?? false }),
    });
    const box = (await screen.findByRole('checkbox', { name: 'Members must use two-step login' })) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent).toContain('Members without a method set one up at their next sign-in');
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.callsTo('role-groups:update')).toHaveLength(1));
    expect(fake.callsTo('role-groups:update')[0]).toMatchObject({ id: 4, requiresTwoStep: true });
  });
});

describe('the outbox', () => {
  const row = (id: number, overrides: Partial<OutboxMail>): OutboxMail => ({
    id,
    messageId: `<${id}@portier>`,
    kind: 'two-step-code',
    channel: 'sms',
    to: '+31612345678',
    subject: '•••••• is your sign-in code for Example BV.',
    accountId: null,
    status: 'queued',
    attempts: 0,
    nextAttemptAt: AT,
    lastError: null,
    emlWrittenAt: AT,
    createdAt: AT,
    sentAt: null,
    updatedAt: AT,
    ...overrides,
  });

  it('shows which rows are SMS, that they are kept as files without a gateway, and an SMS preview without HTML', async () => {
    const user = userEvent.setup();
    renderWithApp(<OutboxScreen me={staffMember()} />, {
      'outbox:list': () => ({ rows: [row(1, {}), row(2, { channel: 'mail', kind: 'activation', to: 'erik@example.com', subject: 'Activate your account', emlWrittenAt: null })], total: 2, smtpConfigured: true, smsGatewayConfigured: false }),
      'outbox:get': (input) => ({ ...row(input.id, {}), html: '', text: '•••••• is your sign-in code for Example BV.' }),
    });
    const smsCell = await screen.findByText('+31612345678');
    const smsRow = smsCell.closest('tr') as HTMLElement;
    expect(within(smsRow).getByText('SMS')).toBeTruthy();
    expect(within(smsRow).getByText('saved as a file')).toBeTruthy();
    expect(within(screen.getByText('erik@example.com').closest('tr') as HTMLElement).getByText('Mail')).toBeTruthy();
    expect(screen.getByText(/No SMS gateway is set up/)).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Channel' })).toBeTruthy();
    await user.click(within(smsRow).getByRole('button', { name: '•••••• is your sign-in code for Example BV.' }));
    const preview = await screen.findByRole('region', { name: 'Text' });
    expect(preview.textContent).toBe('•••••• is your sign-in code for Example BV.');
    expect(screen.queryByRole('group', { name: 'Show as' })).toBeNull();
  });
});
