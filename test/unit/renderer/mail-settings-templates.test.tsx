// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MailTemplatesSection } from '../../../renderer/src/features/mail-settings/MailTemplatesSection';
import type { MailTemplate, MailTemplateDraft } from '../../../shared/api/mail-templates';
import { AppError } from '../../../shared/errors';
import { staffMember } from './support/fixtures';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

const ALLOWED = ['name', 'link', 'expiresAt', 'companyName'];
const REQUIRED = ['link', 'expiresAt'];

const activation: MailTemplate = {
  type: 'activation',
  language: 'en',
  subject: 'Your access to {{ companyName }}',
  html: '<p>Hello {{ name }}, open {{ link }} before {{ expiresAt }}.</p>',
  customised: true,
  updatedAt: null,
  allowed: ALLOWED,
  required: REQUIRED,
};

/** A stand-in for the core's rendering and its placeholder rules. */
function preview(draft: MailTemplateDraft) {
  // As the core reports a liquidjs syntax error: its place and kind, not its English text.
  if (draft.html.includes('{% iff')) {
    throw new AppError('VALIDATION', 'tag "iff" not found', { fields: { html: { code: 'invalid_template', problem: 'unknown_tag', name: 'iff', line: 2, column: 1 } } });
  }
  const used = [...`${draft.subject} ${draft.html}`.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '');
  const missing = REQUIRED.filter((r) => !used.includes(r));
  const unknown = used.filter((u) => !ALLOWED.includes(u));
  if (missing.length > 0 || unknown.length > 0) {
    throw new AppError('VALIDATION', 'refused', {
      fields: { html: { code: missing.length > 0 ? 'missing_placeholder' : 'unknown_placeholder' } },
      params: { missing: missing.join(', '), unknown: unknown.join(', ') },
    });
  }
  const fill = (s: string) => s.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, n: string) => `[${n}]`);
  return { subject: fill(draft.subject), html: fill(draft.html), text: fill(draft.html).replace(/<[^>]+>/g, '') };
}

const handlers = {
  'mail-templates:list': () => [activation, { ...activation, type: 'welcome' as const, customised: false, required: [] }],
  'mail-templates:preview': preview,
  'mail-templates:update': (draft: MailTemplateDraft) => {
    preview(draft);
    return { ...activation, ...draft };
  },
  'mail-templates:reset': () => ({ ...activation, customised: false, html: '<p>Default {{ link }} {{ expiresAt }}</p>' }),
};

describe('the mail template editor', () => {
  it('shows the live preview: subject, HTML in a sandboxed frame and the text part', async () => {
    renderWithApp(<MailTemplatesSection me={staffMember()} />, handlers);
    expect(await screen.findByText('Your access to [companyName]', {}, { timeout: 3000 })).toBeTruthy();
    const frame = screen.getByTitle('HTML part') as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('open [link] before [expiresAt]');
    expect(screen.getByLabelText('Text part').textContent).toBe('Hello [name], open [link] before [expiresAt].');
    expect(screen.getByText('customised')).toBeTruthy();
  });

  it('refuses saving an activation template without {{ link }}, naming it and keeping the text', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<MailTemplatesSection me={staffMember()} />, handlers);
    const body = (await screen.findByLabelText('Body (HTML)')) as HTMLTextAreaElement;
    const typed = '<p>Hello {{ name }}, valid until {{ expiresAt }}.</p>';
    fireEvent.change(body, { target: { value: typed } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(fake.callsTo('mail-templates:update')).toHaveLength(0);
    expect(screen.getByText('Missing placeholders: link')).toBeTruthy();
    expect(body.getAttribute('aria-invalid')).toBe('true');
    expect(body.value).toBe(typed);
  });

  it('names an unknown placeholder the core refuses on save, and inserts placeholders at the cursor', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<MailTemplatesSection me={staffMember()} />, handlers);
    const body = (await screen.findByLabelText('Body (HTML)')) as HTMLTextAreaElement;
    fireEvent.change(body, { target: { value: '<p>{{ link }} {{ expiresAt }} {{ password }}</p>' } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.callsTo('mail-templates:update')).toHaveLength(1));
    expect(await screen.findByText('Unknown placeholders: password')).toBeTruthy();
    expect(body.value).toBe('<p>{{ link }} {{ expiresAt }} {{ password }}</p>');

    fireEvent.change(body, { target: { value: '<p>Hi , {{ link }} {{ expiresAt }}</p>' } });
    body.setSelectionRange(6, 6);
    fireEvent.select(body);
    await user.click(screen.getByRole('button', { name: 'Insert {{ name }}' }));
    expect(body.value).toBe('<p>Hi {{ name }}, {{ link }} {{ expiresAt }}</p>');
    expect(screen.queryByText('Unknown placeholders: password')).toBeNull();
  });

  it('names the line and the problem of a syntax error while typing', async () => {
    renderWithApp(<MailTemplatesSection me={staffMember()} />, handlers);
    const body = (await screen.findByLabelText('Body (HTML)')) as HTMLTextAreaElement;
    fireEvent.change(body, { target: { value: '<p>{{ link }} {{ expiresAt }}</p>\n{% iff name %}x{% endif %}' } });
    expect(await screen.findByText('Line 2: unknown tag ‘iff’.', {}, { timeout: 3000 })).toBeTruthy();
    expect(body.getAttribute('aria-invalid')).toBe('true');
  });

  it('goes back to the default after a confirmation', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<MailTemplatesSection me={staffMember()} />, handlers);
    await user.click(await screen.findByRole('button', { name: 'Back to the default' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Back to the default' }));
    await waitFor(() => expect(fake.callsTo('mail-templates:reset')).toEqual([{ type: 'activation', language: 'en' }]));
    expect(((await screen.findByLabelText('Body (HTML)')) as HTMLTextAreaElement).value).toBe('<p>Default {{ link }} {{ expiresAt }}</p>');
  });

  it('is read-only for staff, who still see the preview', async () => {
    renderWithApp(<MailTemplatesSection me={staffMember({ role: 'staff' })} />, handlers);
    expect(screen.getByText('Only administrators can change the mail templates.')).toBeTruthy();
    expect(((await screen.findByLabelText('Body (HTML)')) as HTMLTextAreaElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Insert {{ link }}' })).toBeNull();
    expect(await screen.findByText('Your access to [companyName]', {}, { timeout: 3000 })).toBeTruthy();
  });
});
