import path from 'node:path';
import type { AccessReview, ReviewAccount, ReviewLink } from '../../../shared/api/access-review';
import type { UiLanguage } from '../../../shared/api/common';
import type { DocumentFile } from '../../../shared/api/documents';
import { AppError } from '../../../shared/errors';
import { isStaffOnlyPermission } from '../../../shared/permissions';
import type { CoreDeps } from '../context';
import { personDisplayName } from '../contacts/person-name';
import { accountStatus } from '../portal-accounts/account-status';
import { effectivePermissions } from '../portal-accounts/effective-permissions';
import { findRoleGroups } from '../role-groups/role-group-repository';
import { writableScope, type TicketScope } from '../ticket-access/ticket-access';
import { listRights } from '../ticket-access/ticket-rights-repository';
import { loadScope } from '../ticket-access/ticket-view-service';
import { accessReviewCsv } from './access-review-csv';
import { accessReviewPdf } from './access-review-pdf';
import { accessReviewXlsx } from './access-review-xlsx';
import { countTicketsInScopes, readOrganisationName, readReviewAccounts, readReviewGroupIds, readReviewLinks } from './access-review-repository';

/*
 * The access review (issue 11, point 9). Each link's scope comes from the one access function
 * (loadScope, as "view as contact" builds it) and its tickets are counted with that function's
 * SQL condition; the writable count uses writableScope, the same rules without read-only rights.
 */

async function reviewLink(deps: CoreDeps, accountId: number, link: Awaited<ReturnType<typeof readReviewLinks>>[number], now: Date): Promise<{ link: ReviewLink; scope: TicketScope }> {
  const { scope } = await loadScope(deps.db, { accountId, organisationId: link.organisation_id }, now);
  const holder = link.person_id !== null ? { personId: link.person_id } : { accountId, organisationId: link.organisation_id };
  const rights = await listRights(deps.db, holder, false);
  const [visibleTickets, writableTickets] = [await countTicketsInScopes(deps.db, [scope]), await countTicketsInScopes(deps.db, [writableScope(scope)])];
  return {
    scope,
    link: {
      organisationId: link.organisation_id,
      organisationName: link.organisation_name,
      personId: link.person_id,
      personName: personDisplayName(link.first_name, link.last_name),
      isDefault: link.is_default === 1,
      rights: rights.map((r) => ({
        id: r.id,
        projectId: r.projectId,
        projectName: r.projectName,
        scope: r.scope,
        taskName: r.taskName,
        taskCount: r.scope === 'existing_tasks' ? r.taskIds.length : null,
        readOnly: r.readOnly,
      })),
      visibleTickets,
      writableTickets,
    },
  };
}

export async function accessReview(deps: CoreDeps, query: { organisationId?: number | undefined }): Promise<AccessReview> {
  const now = deps.clock();
  const organisationName = query.organisationId === undefined ? null : await readOrganisationName(deps.db, query.organisationId);
  if (organisationName === undefined) throw new AppError('NOT_FOUND', `Organisation ${query.organisationId ?? ''} does not exist.`, { fields: { organisationId: { code: 'not_found' } } });
  const rows = await readReviewAccounts(deps.db, query.organisationId);
  const ids = rows.map((r) => r.id);
  const [links, memberships, groups] = await Promise.all([readReviewLinks(deps.db, ids), readReviewGroupIds(deps.db, ids), findRoleGroups(deps.db)]);
  const accounts: ReviewAccount[] = [];
  for (const row of rows) {
    const reviewed = [];
    for (const link of links.filter((l) => l.account_id === row.id)) reviewed.push(await reviewLink(deps, row.id, link, now));
    const scopes = reviewed.map((r) => r.scope);
    const groupIds = new Set(memberships.filter((m) => m.account_id === row.id).map((m) => m.role_group_id));
    const own = groups.filter((g) => groupIds.has(g.id));
    accounts.push({
      accountId: row.id,
      username: row.username,
      active: row.active === 1,
      status: accountStatus(row, now),
      links: reviewed.map((r) => r.link),
      roleGroups: own.map((g) => ({ id: g.id, name: g.name })),
      permissions: effectivePermissions(own, isStaffOnlyPermission).map((p) => p.key),
      visibleTickets: await countTicketsInScopes(deps.db, scopes),
      writableTickets: await countTicketsInScopes(deps.db, scopes.map(writableScope)),
    });
  }
  return { generatedAt: now.toISOString(), organisationId: query.organisationId ?? null, organisationName, accounts };
}

type ExportQuery = { organisationId?: number | undefined; language: UiLanguage };

const fileName = (review: AccessReview, extension: string) => `access-review-${review.generatedAt.slice(0, 10)}${review.organisationId !== null ? `-organisation-${review.organisationId}` : ''}.${extension}`;

export async function accessReviewCsvFile(deps: CoreDeps, input: ExportQuery): Promise<{ fileName: string; csv: string }> {
  const review = await accessReview(deps, input);
  return { fileName: fileName(review, 'csv'), csv: accessReviewCsv(review, input.language) };
}

export async function accessReviewXlsxFile(deps: CoreDeps, input: ExportQuery): Promise<DocumentFile> {
  const review = await accessReview(deps, input);
  const xlsx = await accessReviewXlsx(review, input.language);
  return { fileName: fileName(review, 'xlsx'), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: xlsx.toString('base64') };
}

export async function accessReviewPdfFile(deps: CoreDeps, input: ExportQuery): Promise<DocumentFile> {
  const review = await accessReview(deps, input);
  const pdf = await accessReviewPdf(review, input.language, path.join(deps.resourcesDir, 'fonts'));
  return { fileName: fileName(review, 'pdf'), mimeType: 'application/pdf', base64: pdf.toString('base64') };
}
