import { describe, expect, it } from 'vitest';
import { SECRET_MARKER } from '../../electron/core/outbox/outbox-port';
import { DEFAULT_TEMPLATES } from '../../electron/core/templates/default-templates';
import { renderMail } from '../../electron/core/templates/render-mail';
import { checkTemplate } from '../../electron/core/templates/template-rules';

const variables = {
  username: 'customer@example.com',
  name: 'Ada "Lovelace" & Co',
  organisation: null,
  link: `https://portal.example.com/activate?token=${SECRET_MARKER}`,
  expiresAt: '6 December 2026',
  portalUrl: 'https://portal.example.com/',
  companyName: 'Example <b>Ltd</b>',
};
const render = (html: string) => renderMail('activation', 'en', variables, { subject: 'Hello', html });

describe('mail templates written by administrators', () => {
  it('cannot read files: include, render and layout find nothing', () => {
    for (const tag of ["{% include 'package.json' %}", "{% render '/etc/hostname' %}", "{% layout 'package.json' %}"]) {
      expect(checkTemplate('welcome', 'Hi', `<p>${tag}</p>`).syntax, tag).toHaveLength(1);
      expect(() => render(`${tag} {{ link }} {{ expires_at }}`), tag).toThrow();
    }
  });

  it('cannot stall the process with huge or nested loops', () => {
    const started = Date.now();
    expect(() => render('{% for i in (1..300000000) %}x{% endfor %}')).toThrow(/limit/);
    expect(() => render('{% for i in (1..5000) %}{% for j in (1..5000) %}x{% endfor %}{% endfor %}')).toThrow(/limit/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('keep the secret marker as it is in the link attribute, the visible HTML and the text part', () => {
    const mail = render('<p><a href="{{ link }}">Activate</a> {{ link }} until {{ expires_at }}</p>');
    expect(mail.html).toContain(`href="${variables.link}"`);
    expect(mail.html.split(SECRET_MARKER)).toHaveLength(3);
    expect(mail.text).toContain(variables.link);
  });

  it('escape the company name in the layout and quotes in values', () => {
    const mail = renderMail('welcome', 'en', variables, DEFAULT_TEMPLATES.welcome.en);
    expect(mail.html).not.toContain('<b>Ltd</b>');
    expect(mail.html).toContain('Ada &#34;Lovelace&#34; &amp; Co');
    expect(mail.subject).toContain('Example <b>Ltd</b>');
  });
});
