/**
 * The permission catalog: what a portal account may do, granted through role groups.
 * Keys are stable (stored in the database); labels exist in every UI language.
 */
export const PERMISSION_GROUPS = ['general', 'tickets', 'documents', 'projects', 'contacts', 'reports', 'communication'] as const;
/** A heading in the grouped permission checklist. */
export type PermissionGroup = (typeof PERMISSION_GROUPS)[number];

type Labels = { en: string; nl: string; de: string };

/** One permission of the catalog. */
export interface PermissionDefinition {
  key: string;
  group: PermissionGroup;
  label: Labels;
  /**
   * A staff-only power (it sees or changes what belongs to every customer of a project).
   * The core refuses to put it in a customer role group.
   */
  staffOnly: boolean;
}

const p = (key: string, group: PermissionGroup, en: string, nl: string, de: string, staffOnly = false) =>
  ({ key, group, label: { en, nl, de }, staffOnly }) as const;

export const PERMISSIONS = [
  p('dashboard', 'general', 'Dashboard', 'Dashboard', 'Dashboard'),
  p('umbrella.switch', 'general', 'Switch to child organisations (umbrella)', 'Wisselen naar onderliggende organisaties (koepel)', 'Zu Tochterorganisationen wechseln (Dachorganisation)'),
  p('shop', 'general', 'Shop', 'Webshop', 'Shop'),
  p('tickets.read', 'tickets', 'Read tickets', 'Tickets inzien', 'Tickets lesen'),
  p('tickets.create', 'tickets', 'Create tickets', 'Tickets aanmaken', 'Tickets erstellen'),
  p('tickets.comment', 'tickets', 'Comment on tickets', 'Reageren op tickets', 'Tickets kommentieren'),
  p('tickets.attach', 'tickets', 'Attach files to tickets', 'Bestanden aan tickets toevoegen', 'Dateien an Tickets anhängen'),
  p('tickets.notify', 'tickets', 'Send ticket notifications', 'Ticketmeldingen versturen', 'Ticket-Benachrichtigungen senden'),
  p('tickets.accept_reject', 'tickets', 'Accept or reject results', 'Resultaten accepteren of afwijzen', 'Ergebnisse annehmen oder ablehnen'),
  p('tickets.view_all_in_project', 'tickets', 'See every ticket of a project (staff only)', 'Alle tickets van een project zien (alleen medewerkers)', 'Alle Tickets eines Projekts sehen (nur Mitarbeitende)', true),
  p('tickets.close_any', 'tickets', 'Close any ticket (staff only)', 'Elk ticket sluiten (alleen medewerkers)', 'Jedes Ticket schließen (nur Mitarbeitende)', true),
  p('documents.read', 'documents', 'Read documents', 'Documenten inzien', 'Dokumente lesen'),
  p('archive.permanent', 'documents', 'Permanent archive', 'Permanent archief', 'Dauerarchiv'),
  p('projects.view', 'projects', 'View projects', 'Projecten bekijken', 'Projekte ansehen'),
  p('contacts.manage', 'contacts', 'Manage own contacts', 'Eigen contactpersonen beheren', 'Eigene Kontakte verwalten'),
  p('members.view', 'contacts', 'View members', 'Leden bekijken', 'Mitglieder ansehen'),
  p('reports.hours', 'reports', 'Hours report', 'Urenrapportage', 'Stundenbericht'),
  p('reports.detailed', 'reports', 'Detailed reports', 'Gedetailleerde rapportages', 'Detaillierte Berichte'),
  p('chat', 'communication', 'Chat', 'Chat', 'Chat'),
  p('evaluations', 'communication', 'Evaluations', 'Evaluaties', 'Bewertungen'),
] as const satisfies readonly PermissionDefinition[];

/** A permission's stable key. */
export type PermissionKey = (typeof PERMISSIONS)[number]['key'];
export const PERMISSION_KEYS = PERMISSIONS.map((d) => d.key) as [PermissionKey, ...PermissionKey[]];

const BY_KEY = new Map<string, PermissionDefinition>(PERMISSIONS.map((d) => [d.key, d]));
export const permissionDefinition = (key: string): PermissionDefinition | undefined => BY_KEY.get(key);
export const isStaffOnlyPermission = (key: string): boolean => BY_KEY.get(key)?.staffOnly === true;

/**
 * Built-in role groups and their tiers (from the product sources): a client reads; a
 * participant also comments, attaches files, sends notifications and runs detailed
 * reports; a partner is a participant who also sees members.
 */
const CLIENT: PermissionKey[] = ['dashboard', 'tickets.read', 'documents.read', 'projects.view', 'reports.hours'];
const PARTICIPANT: PermissionKey[] = [...CLIENT, 'tickets.create', 'tickets.comment', 'tickets.attach', 'tickets.notify', 'tickets.accept_reject', 'reports.detailed'];
export const BUILT_IN_ROLE_GROUP_KEYS = ['standard', 'client', 'client-participant', 'partner'] as const;
/** The stable key of a built-in role group: its name and description may be edited, this stays. */
export type BuiltInRoleGroupKey = (typeof BUILT_IN_ROLE_GROUP_KEYS)[number];

export const BUILT_IN_ROLE_GROUPS: readonly { key: BuiltInRoleGroupKey; name: string; description: string; permissions: readonly PermissionKey[] }[] = [
  { key: 'standard', name: 'Standard', description: 'Dashboard and reading tickets.', permissions: ['dashboard', 'tickets.read'] },
  { key: 'client', name: 'Client', description: 'Reads tickets, documents and reports.', permissions: CLIENT },
  { key: 'client-participant', name: 'Client participant', description: 'As Client, plus comments, attachments, notifications and detailed reports.', permissions: PARTICIPANT },
  { key: 'partner', name: 'Partner', description: 'As Client participant, plus viewing members.', permissions: [...PARTICIPANT, 'members.view'] },
];
