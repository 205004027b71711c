import { lazy } from 'react';
import type { StaffMember } from '../../../../shared/api/staff';
import type { Route } from '../../router/routes';
import { AuditScreen } from '../audit/AuditScreen';
import { DocumentsScreen } from '../documents/DocumentsScreen';
import { HoursReportScreen } from '../hours/HoursReportScreen';
import { OutboxScreen } from '../outbox/OutboxScreen';
import { PortalAccountsScreen } from '../portal-accounts/PortalAccountsScreen';
import { RoleGroupPage } from '../role-groups/RoleGroupPage';
import { RoleGroupsScreen } from '../role-groups/RoleGroupsScreen';
import { OrganisationPage } from '../organisations/OrganisationPage';
import { OrganisationsScreen } from '../organisations/OrganisationsScreen';
import { PersonPage } from '../persons/PersonPage';
import { PersonsScreen } from '../persons/PersonsScreen';
import { ProjectPage } from '../projects/ProjectPage';
import { ProjectsScreen } from '../projects/ProjectsScreen';
import { StaffScreen } from '../staff/StaffScreen';
import { TicketPage } from '../tickets/TicketPage';
import { TicketsScreen } from '../tickets/TicketsScreen';

/*
 * Loaded when first opened, so the first screen starts without them: the settings (mail,
 * templates, policy) and the forms that check passwords as they are typed, which pull in
 * the blocklist of 10,000 common passwords.
 */
const SettingsScreen = lazy(() => import('../settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
const PortalAccountPage = lazy(() => import('../portal-accounts/PortalAccountPage').then((m) => ({ default: m.PortalAccountPage })));
const ViewAsScreen = lazy(() => import('../view-as/ViewAsScreen').then((m) => ({ default: m.ViewAsScreen })));
const AccessReviewScreen = lazy(() => import('../access-review/AccessReviewScreen').then((m) => ({ default: m.AccessReviewScreen })));
const OfficeDatabaseScreen = lazy(() => import('../office-database/OfficeDatabaseScreen').then((m) => ({ default: m.OfficeDatabaseScreen })));
const StaffMemberPage = lazy(() => import('../staff/StaffMemberPage').then((m) => ({ default: m.StaffMemberPage })));

/** Picks the screen for a route; administrators-only routes fall back to the home screen for staff (the core refuses them anyway). */
export function Screen({ route, me }: { route: Route; me: StaffMember }) {
  const isAdmin = me.role === 'administrator';
  switch (route.name) {
    case 'organisations':
      return <OrganisationsScreen />;
    case 'organisation':
      return <OrganisationPage key={route.id} id={route.id} />;
    case 'hours-report':
      return <HoursReportScreen key={route.organisationId} organisationId={route.organisationId} />;
    case 'persons':
      return <PersonsScreen />;
    case 'person':
      return <PersonPage key={`${route.id}-${route.organisationId ?? ''}`} id={route.id} organisationId={route.organisationId} />;
    case 'staff':
      return isAdmin ? <StaffScreen /> : <OrganisationsScreen />;
    case 'staff-member':
      return isAdmin ? <StaffMemberPage key={route.id} id={route.id} /> : <OrganisationsScreen />;
    case 'accounts':
      return <PortalAccountsScreen me={me} />;
    case 'account':
      return <PortalAccountPage key={`${route.id}-${route.personId ?? ''}`} id={route.id} personId={route.personId} me={me} />;
    case 'role-groups':
      return <RoleGroupsScreen me={me} />;
    case 'role-group':
      return <RoleGroupPage key={route.id} id={route.id} me={me} />;
    case 'outbox':
      return <OutboxScreen me={me} />;
    case 'documents':
      return <DocumentsScreen me={me} />;
    case 'audit':
      return isAdmin ? <AuditScreen key={route.record ? `${route.record.entity}-${route.record.id}` : ''} record={route.record} /> : <OrganisationsScreen />;
    case 'settings':
      return <SettingsScreen me={me} />;
    case 'projects':
      return <ProjectsScreen />;
    case 'project':
      return <ProjectPage key={route.id} id={route.id} />;
    case 'tickets':
      return <TicketsScreen key={route.projectId ?? ''} projectId={route.projectId} />;
    case 'ticket':
      return <TicketPage key={route.id} id={route.id} />;
    case 'view-as':
      return <ViewAsScreen key={JSON.stringify(route.contact)} contact={route.contact} />;
    case 'access-review':
      // Shown to staff too: the core's refusal is the answer they get (the nav item is for administrators only).
      return <AccessReviewScreen />;
    case 'office-database':
      return isAdmin ? <OfficeDatabaseScreen place="app" /> : <OrganisationsScreen />;
  }
}
