import { AuditEntity } from '../../../shared/api/audit';
import type { ViewContact } from '../../../shared/api/ticket-view';

/** One record the audit log can be filtered to. */
export interface AuditRecordRef {
  entity: AuditEntity;
  id: number;
}

/** Every screen the renderer can show; the hash in the address is the single source of truth. */
export type Route =
  | { name: 'organisations' }
  | { name: 'organisation'; id: number | 'new' }
  /** An organisation's hours report (its hour cards' balance per interval). */
  | { name: 'hours-report'; organisationId: number }
  | { name: 'persons' }
  | { name: 'person'; id: number | 'new'; organisationId?: number }
  | { name: 'staff' }
  | { name: 'staff-member'; id: number | 'new' }
  | { name: 'accounts' }
  | { name: 'account'; id: number | 'new'; personId?: number }
  | { name: 'role-groups' }
  | { name: 'role-group'; id: number | 'new' }
  | { name: 'outbox' }
  | { name: 'documents' }
  /** With a record: the audit log filtered to that record's entries (its "History"). */
  | { name: 'audit'; record?: AuditRecordRef }
  | { name: 'settings' }
  | { name: 'projects' }
  | { name: 'project'; id: number }
  /** The staff ticket list, optionally filtered to one project (other screens link here with it). */
  | { name: 'tickets'; projectId?: number }
  | { name: 'ticket'; id: number }
  /** "View tickets as this contact": a person, or a portal account through one of its organisation links. */
  | { name: 'view-as'; contact: ViewContact }
  /** The administrators' access review of every portal account (issue 11, point 9). */
  | { name: 'access-review' }
  /** "Connect to an office database" (issue 13): in the app for administrators, and before sign-in. */
  | { name: 'office-database' };

const HOME: Route = { name: 'organisations' };

function idOf(segment: string | undefined): number | 'new' | null {
  if (segment === 'new') return 'new';
  if (!segment || !/^\d{1,15}$/.test(segment)) return null;
  const id = Number(segment);
  return id > 0 ? id : null;
}

function viewAsRoute(params: URLSearchParams): Route {
  const person = idOf(params.get('person') ?? undefined);
  const account = idOf(params.get('account') ?? undefined);
  const organisation = idOf(params.get('organisation') ?? undefined);
  if (typeof person === 'number' && account === null) return { name: 'view-as', contact: { personId: person } };
  if (typeof account === 'number' && person === null) {
    return { name: 'view-as', contact: typeof organisation === 'number' ? { accountId: account, organisationId: organisation } : { accountId: account } };
  }
  return HOME;
}

/** Reads a route from `#/persons/new?organisation=3`; anything unknown lands on the home screen. */
export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [section, segment, ...rest] = path.split('/').filter(Boolean);
  if (rest.length > 0) return HOME;
  const params = new URLSearchParams(query);
  if (segment === undefined) {
    switch (section) {
      case 'persons':
        return { name: 'persons' };
      case 'staff':
        return { name: 'staff' };
      case 'accounts':
        return { name: 'accounts' };
      case 'role-groups':
        return { name: 'role-groups' };
      case 'outbox':
        return { name: 'outbox' };
      case 'documents':
        return { name: 'documents' };
      case 'audit': {
        const entity = AuditEntity.safeParse(params.get('entity'));
        const id = idOf(params.get('id') ?? undefined);
        return entity.success && typeof id === 'number' ? { name: 'audit', record: { entity: entity.data, id } } : { name: 'audit' };
      }
      case 'settings':
        return { name: 'settings' };
      case 'projects':
        return { name: 'projects' };
      case 'tickets': {
        const projectId = idOf(params.get('project') ?? undefined);
        return typeof projectId === 'number' ? { name: 'tickets', projectId } : { name: 'tickets' };
      }
      case 'view-as':
        return viewAsRoute(params);
      case 'access-review':
        return { name: 'access-review' };
      case 'office-database':
        return { name: 'office-database' };
      default:
        return HOME;
    }
  }
  const id = idOf(segment);
  if (id === null) return HOME;
  switch (section) {
    case 'organisations':
      return { name: 'organisation', id };
    case 'hours':
      return typeof id === 'number' ? { name: 'hours-report', organisationId: id } : HOME;
    case 'persons': {
      const organisationId = idOf(params.get('organisation') ?? undefined);
      return typeof organisationId === 'number' ? { name: 'person', id, organisationId } : { name: 'person', id };
    }
    case 'staff':
      return { name: 'staff-member', id };
    case 'accounts': {
      const personId = idOf(params.get('person') ?? undefined);
      return typeof personId === 'number' ? { name: 'account', id, personId } : { name: 'account', id };
    }
    case 'role-groups':
      return { name: 'role-group', id };
    case 'projects':
      return typeof id === 'number' ? { name: 'project', id } : HOME;
    case 'tickets':
      return typeof id === 'number' ? { name: 'ticket', id } : HOME;
    default:
      return HOME;
  }
}

/** The hash for a route; links and navigate() both use it so parseHash(hrefOf(r)) is r. */
export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'organisations':
      return '#/organisations';
    case 'organisation':
      return `#/organisations/${route.id}`;
    case 'hours-report':
      return `#/hours/${route.organisationId}`;
    case 'persons':
      return '#/persons';
    case 'person':
      return `#/persons/${route.id}${route.organisationId ? `?organisation=${route.organisationId}` : ''}`;
    case 'staff':
      return '#/staff';
    case 'staff-member':
      return `#/staff/${route.id}`;
    case 'accounts':
      return '#/accounts';
    case 'account':
      return `#/accounts/${route.id}${route.personId ? `?person=${route.personId}` : ''}`;
    case 'role-groups':
      return '#/role-groups';
    case 'role-group':
      return `#/role-groups/${route.id}`;
    case 'outbox':
      return '#/outbox';
    case 'documents':
      return '#/documents';
    case 'audit':
      return route.record ? `#/audit?entity=${route.record.entity}&id=${route.record.id}` : '#/audit';
    case 'settings':
      return '#/settings';
    case 'projects':
      return '#/projects';
    case 'project':
      return `#/projects/${route.id}`;
    case 'tickets':
      return route.projectId ? `#/tickets?project=${route.projectId}` : '#/tickets';
    case 'ticket':
      return `#/tickets/${route.id}`;
    case 'view-as':
      return 'personId' in route.contact
        ? `#/view-as?person=${route.contact.personId}`
        : `#/view-as?account=${route.contact.accountId}${route.contact.organisationId ? `&organisation=${route.contact.organisationId}` : ''}`;
    case 'access-review':
      return '#/access-review';
    case 'office-database':
      return '#/office-database';
  }
}
