import type { Domain } from './contract';

/*
 * Open screens refresh when data changes elsewhere (issue 13, point 3): another window, a
 * browser tab, the CLI, the portal or, on PostgreSQL, another desktop. The shell pushes the
 * changed domains to each signed-in window or tab; the renderer invalidates the queries of
 * those domains. A push carries domain names only, never data.
 */

/** Desktop: the one IPC message by which main tells a signed-in window which domains changed. */
export const DATA_CHANGED_CHANNEL = 'portier:data-changed';

/** Browser mode: a signed-in tab's Server-Sent Events stream (GET, with the key and session headers). */
export const CHANGES_PATH = '/api/changes';

/** The stream's event name; its data is a JSON array of domains. */
export const CHANGED_EVENT = 'changed';

/** Every domain, as a record so that the compiler says when one is added to Domain and not here. */
const EVERY_DOMAIN: Readonly<Record<Domain, true>> = {
  session: true,
  staff: true,
  organisations: true,
  persons: true,
  audit: true,
  settings: true,
  'role-groups': true,
  'portal-accounts': true,
  preferences: true,
  outbox: true,
  documents: true,
  'mail-templates': true,
  projects: true,
  tickets: true,
  hours: true,
  'ticket-rights': true,
};

/** Every data domain (after a gap in the pushes, any of them may have changed). */
export const DOMAINS: readonly Domain[] = Object.freeze(Object.keys(EVERY_DOMAIN) as Domain[]);

export function isDomain(value: unknown): value is Domain {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(EVERY_DOMAIN, value);
}

/**
 * The known domains in a pushed message, each once, in a fresh array: anything else (not an
 * array, other strings, objects, `__proto__`) is dropped, so a push can name nothing new.
 */
export function knownDomains(value: unknown): Domain[] {
  if (!Array.isArray(value)) return [];
  const found = new Set<Domain>();
  for (const item of value.slice(0, DOMAINS.length * 4)) if (isDomain(item)) found.add(item);
  return [...found];
}
