import type { UiLanguage } from '../../../shared/api/common';
import type { MailPreview, MailTemplateDraft } from '../../../shared/api/mail-templates';
import { AppError } from '../../../shared/errors';
import { SECRET_MARKER } from '../outbox/outbox-port';
import type { MailTemplateSource } from './default-templates';
import { escapeHtml, renderLetterText, renderMail } from './render-mail';
import { TEMPLATE_RULES } from './template-rules';
import type { MailVariables } from './template-port';

/** The refusal of a template that takes too long: a loop over a huge range, loops in loops. */
export const tooSlow = (type: string) =>
  new AppError('VALIDATION', `This ${type} template takes too long to render.`, { fields: { html: { code: 'template_too_slow' } } });

/** The letter's text as the preview shows it: its paragraphs, without a mail's frame. */
function letterPreview(language: UiLanguage, variables: MailVariables, source: MailTemplateSource): MailPreview {
  const { subject, paragraphs } = renderLetterText(language, variables, source);
  return { subject, html: paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n'), text: paragraphs.join('\n\n') };
}

function renderOrRefuse(draft: MailTemplateDraft, variables: MailVariables, source: MailTemplateSource): MailPreview {
  try {
    if (draft.type === 'activation-letter') return letterPreview(draft.language, variables, source);
    return renderMail(draft.type, draft.language, variables, source);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    // liquidjs's own render time limit (template-rules.ts) is the same fault as the thread's.
    if (/render limit exceeded/.test(reason)) throw tooSlow(draft.type);
    throw new AppError('VALIDATION', `This ${draft.type} template cannot be rendered: ${reason}.`, { fields: { html: { code: 'invalid_template' } } });
  }
}

/**
 * A checked draft rendered with sample values; a template that parses but fails while
 * rendering (a filter given the wrong arguments) is refused. Runs in the template thread.
 */
export function renderPreview(draft: MailTemplateDraft, variables: MailVariables): MailPreview {
  const source = { subject: draft.subject, html: draft.html };
  const preview = renderOrRefuse(draft, variables, source);
  if (variables.link !== undefined && TEMPLATE_RULES[draft.type].required.includes('link')) {
    // The real link holds SECRET_MARKER, replaced by the token at send time: a filter that
    // changes it ({{ link | url_encode }}) would send a mail whose link opens nothing.
    const marked = renderOrRefuse(draft, { ...variables, link: variables.link.replace('sample-token', SECRET_MARKER) }, source);
    if (!marked.html.includes(SECRET_MARKER) || !marked.text.includes(SECRET_MARKER)) {
      throw new AppError('VALIDATION', `This ${draft.type} template changes the link: use {{ link }} without filters.`, { fields: { html: { code: 'invalid_template' } } });
    }
  }
  return preview;
}
