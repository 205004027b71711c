import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from '../../shared/api/common';
import { AppError } from '../../shared/errors';
import { SECRET_MARKER } from '../../electron/core/outbox/outbox-port';
import { DEFAULT_TEMPLATES } from '../../electron/core/templates/default-templates';
import { renderMail } from '../../electron/core/templates/render-mail';
import { MAIL_TEMPLATE_TYPES } from '../../electron/core/templates/template-port';
import { assertTemplate, checkTemplate, TEMPLATE_RULES } from '../../electron/core/templates/template-rules';

const variables = {
  username: 'jurgen@example.de',
  name: 'Jürgen <script>alert(1)</script> Größe',
  organisation: 'Bäckerei Müller & Söhne',
  link: `https://portal.example.com/activate?token=${SECRET_MARKER}`,
  expiresAt: '6 December 2026',
  portalUrl: 'https://portal.example.com/',
  companyName: 'Portier Demo BV',
  ticket: { number: 'T-10234', title: 'Drucker <b>druckt</b> nicht', oldStatus: 'Erledigt', newStatus: 'Abgelehnt' },
};

describe('mail templates', () => {
  for (const type of MAIL_TEMPLATE_TYPES) {
    for (const language of UI_LANGUAGES) {
      it(`${type} (${language}) renders, escapes values, keeps the secret marker and holds what it must`, () => {
        expect(checkTemplate(type, DEFAULT_TEMPLATES[type][language].subject, DEFAULT_TEMPLATES[type][language].html)).toEqual({ syntax: [], missing: [], unknown: [] });
        const mail = renderMail(type, language, variables);
        expect(mail.subject).not.toMatch(/\n/);
        expect(mail.subject.length).toBeGreaterThan(10);
        expect(mail.html).not.toContain('<script>');
        expect(mail.html).toContain('&lt;script&gt;');
        expect(mail.text).toContain('Jürgen <script>alert(1)</script> Größe');
        if (TEMPLATE_RULES[type].required.includes('link')) {
          expect(mail.html).toContain(variables.link);
          expect(mail.text).toContain(variables.link);
          expect(mail.text.replace(/\s+/g, ' ')).toContain('6 December 2026');
        } else if (!TEMPLATE_RULES[type].allowed.includes('link')) {
          expect(mail.html).not.toContain(SECRET_MARKER);
        }
      });
    }
  }

  it('refuses an activation template without the link, naming it', () => {
    const p = checkTemplate('activation', 'Hello', '<p>Valid until {{ expires_at }}</p>');
    expect(p.missing).toEqual(['link']);
    try {
      assertTemplate('activation', 'Hello', '<p>Valid until {{ expires_at }}</p>');
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toContain('{{ link }}');
      expect((error as AppError).fields).toEqual({ html: { code: 'missing_placeholder' } });
    }
  });

  it('refuses unknown placeholders and unreadable templates', () => {
    expect(checkTemplate('welcome', 'Hi {{ password }}', '<p>{{ name }}</p>').unknown).toEqual(['password']);
    expect(checkTemplate('password-changed', 'Hi', '<p>{{ link }}</p>').unknown).toEqual(['link']);
    expect(checkTemplate('welcome', 'Hi', '<p>{% if name %}</p>').syntax[0]?.field).toBe('html');
    expect(() => assertTemplate('welcome', 'Hi', '<p>{{ name | nosuchfilter }}</p>')).toThrow(AppError);
  });

  it('the ticket-status mail names the ticket and both statuses, escaped; only it may use the ticket placeholders', () => {
    const link = 'https://portal.example.com/tickets/10234';
    for (const language of UI_LANGUAGES) {
      const mail = renderMail('ticket-status', language, { ...variables, link });
      expect(mail.subject).toContain('T-10234');
      expect(mail.subject).toContain('Abgelehnt');
      expect(mail.html).toContain('Drucker &lt;b&gt;druckt&lt;/b&gt; nicht');
      expect(mail.html).toContain('Erledigt');
      expect(mail.html).toContain(link);
      expect(mail.text).toContain(link);
    }
    expect(checkTemplate('ticket-status', 'Hi', '<p>{{ name }}</p>').missing).toEqual(['ticket_number', 'new_status']);
    expect(checkTemplate('activation', '{{ ticket_number }}', '<p>{{ link }} {{ expires_at }}</p>').unknown).toEqual(['ticket_number']);
    expect(checkTemplate('welcome', 'Hi', '<p>{{ old_status }}</p>').unknown).toEqual(['old_status']);
  });
});
