import type { mailTemplatesApi } from '../../../shared/api/mail-templates';
import { actorOf, type Handlers } from '../context';
import { listMailTemplates, previewMailTemplate, resetMailTemplate, updateMailTemplate } from './mail-template-service';
import type { MailTemplateType as CoreMailTemplateType } from './template-port';
import type { MailTemplateType as ContractMailTemplateType } from '../../../shared/api/mail-templates';

// The contract repeats the core's template types; this fails to compile when they drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const typesAgree: Same<CoreMailTemplateType, ContractMailTemplateType> = true;
void typesAgree;

export const mailTemplateHandlers: Handlers<keyof typeof mailTemplatesApi> = {
  'mail-templates:list': (_input, { deps }) => listMailTemplates(deps.db),
  'mail-templates:update': (input, ctx) => updateMailTemplate(ctx.deps, actorOf(ctx), input),
  'mail-templates:reset': (input, ctx) => resetMailTemplate(ctx.deps, actorOf(ctx), input.type, input.language),
  'mail-templates:preview': (input, { deps }) => previewMailTemplate(deps, input),
};
