import type { documentsApi } from '../../../shared/api/documents';
import { actorOf, type Handlers } from '../context';
import { deleteDocument, lettersFile, lettersPrintStatus, listDocuments, startLettersPrint } from './document-service';

export const documentHandlers: Handlers<keyof typeof documentsApi> = {
  'documents:list': (input, { deps }) => listDocuments(deps, input),
  'documents:open': (input, ctx) => lettersFile(ctx.deps, actorOf(ctx), [input.id], `activation-letter-${input.id}.${input.format}`, input.format),
  'documents:letters-pdf': (input, ctx) => lettersFile(ctx.deps, actorOf(ctx), input.ids, `activation-letters-${input.ids.length}.pdf`),
  'documents:print-start': (input, ctx) => startLettersPrint(ctx.deps, actorOf(ctx), input.ids),
  'documents:print-status': (input, ctx) => lettersPrintStatus(ctx.deps, actorOf(ctx), input.jobId),
  'documents:delete': (input, ctx) => deleteDocument(ctx.deps, actorOf(ctx), input.id),
};
