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
        } else {
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
});
