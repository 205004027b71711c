import type { ParsedInputOf } from '../../../shared/api';
import type { Project } from '../../../shared/api/projects';
import type { ContactOption } from '../../../shared/api/tickets';
import { AppError, fieldError } from '../../../shared/errors';
import type { CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { requireProject } from '../projects/project-service';
import { findContactCandidates, isPersonInOrganisationTree } from './ticket-contact-repository';
import { personExists } from './ticket-repository';

/*
 * Who may be a ticket's contact (issue 11, point 2: "the customer's contact for it").
 *
 * A customer project: a person of the project's organisation, or of an organisation under it
 * (umbrella/"Koepel": a subsidiary's person may raise a ticket on the group's project, as an
 * umbrella user may switch to the child organisations). Never another customer's person: the
 * ticket would show one customer's person on another customer's work, in the list, in reports
 * and in the bulk "change contact" that follows it.
 *
 * An internal project (no organisation, or one flagged internal): any person. Internal projects
 * serve every customer (general support, the office's own products), and with the setting
 * "contacts may be given rights on internal projects" customers raise tickets there; the
 * internal organisation's own persons are offered first.
 *
 * Being the contact grants no sight of the ticket either way: rights alone decide that (the
 * access function), so this rule keeps the data right, it is no access control.
 */

/** Refuses a contact who may not be the contact of a ticket on PROJECT, with a field error on contactPersonId. */
export async function checkTicketContact(db: Executor, project: Project, contactPersonId: number | null): Promise<void> {
  if (contactPersonId === null) return;
  if (!(await personExists(db, contactPersonId))) {
    throw new AppError('NOT_FOUND', `Person ${contactPersonId} does not exist.`, { fields: { contactPersonId: { code: 'not_found' } } });
  }
  if (project.internal || project.organisationId === null) return;
  if (!(await isPersonInOrganisationTree(db, contactPersonId, project.organisationId))) {
    throw fieldError('contactPersonId', 'contact_of_other_customer', `Person ${contactPersonId} is no person of ${project.organisationName ?? 'the project’s customer'} (nor of an organisation under it).`);
  }
}

/** tickets:contact-options: the persons checkTicketContact lets through, the project's organisation's first. */
export async function listContactOptions(deps: CoreDeps, input: ParsedInputOf<'tickets:contact-options'>): Promise<{ rows: ContactOption[]; total: number }> {
  const project = await requireProject(deps.db, input.projectId, 'projectId');
  const page = await findContactCandidates(deps.db, {
    organisationId: project.organisationId,
    onlyTree: !project.internal,
    search: input.search,
    limit: input.limit,
  });
  return {
    rows: page.rows.map((r) => ({ id: r.id, name: r.name, organisationId: r.organisation_id, organisationName: r.organisation_name })),
    total: page.total,
  };
}
