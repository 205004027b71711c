import type { AuditVia } from '../../shared/api/audit';
import type { StaffRole } from '../../shared/api/staff';
import type { Access } from '../../shared/contract';

/** The shell a staff user acts through: the desktop window, a browser-mode tab, the command line. */
export type Via = 'app' | 'browser' | 'cli';

/** A staff user of the back office, with what decides their access: role and the "may grant portal access" flag. */
export interface StaffPrincipal {
  kind: 'staff';
  staffId: number;
  name: string;
  role: StaffRole;
  mayGrantAccess: boolean;
  via: Via;
}

/** A customer signed in to the portal, acting for one of the account's organisation links. */
export interface PortalAccountPrincipal {
  kind: 'portal-account';
  accountId: number;
  organisationId: number;
  /** The linked person; null when the link is to the whole organisation. */
  personId: number | null;
}

/** Staff looking through a portal account's eyes ("view as contact"): read-only, never writing as the contact. */
export interface StaffViewingAsPrincipal {
  kind: 'staff-viewing-as';
  staff: StaffPrincipal;
  /** The account looked through; null when staff look through a person's eyes (the person's page). */
  accountId: number | null;
  /** The account link's (or the person's) organisation; null for an account without any link. */
  organisationId: number | null;
  /** The person whose rights count: the link's or the viewed person; null for a link to the whole organisation. */
  personId?: number | null;
}

/** Who is calling the core; resolved by the shell's dispatcher before a channel's access is checked. */
export type Principal = StaffPrincipal | PortalAccountPrincipal | StaffViewingAsPrincipal;

export type PrincipalKind = Principal['kind'];

/** Why a call is refused for who the caller is; the dispatcher answers it before parsing the input. */
export interface Refusal {
  code: 'UNAUTHENTICATED' | 'FORBIDDEN';
  message: string;
}

/**
 * Whether this principal (null: nobody signed in) may call a channel of this access level;
 * null when it may, else the refusal. The back-office levels are for staff: a portal account
 * or staff viewing as a contact is refused on every one of them, public ones included.
 * `shell` is the way in of a caller nobody signed in: only a slot the desktop window's IPC made
 * ('app', said explicitly) may call admin-or-desktop channels so; a slot that names no shell may not.
 */
export function mayCall(access: Access, principal: Principal | null, shell?: Via): Refusal | null {
  if (access === 'portal-public' || access === 'portal') return mayCallPortal(access, principal);
  if (principal === null) return access === 'public' || (access === 'admin-or-desktop' && shell === 'app') ? null : { code: 'UNAUTHENTICATED', message: 'Sign in first.' };
  if (principal.kind === 'portal-account') return { code: 'FORBIDDEN', message: 'Only staff may do this.' };
  if (principal.kind === 'staff-viewing-as') return { code: 'FORBIDDEN', message: 'Viewing as a contact is read-only: this is not available there.' };
  if ((access === 'admin' || access === 'admin-or-desktop') && principal.role !== 'administrator') return { code: 'FORBIDDEN', message: 'Only administrators may do this.' };
  if (access === 'grant' && principal.role !== 'administrator' && !principal.mayGrantAccess) {
    return { code: 'FORBIDDEN', message: 'Only administrators and staff who may grant portal access may do this.' };
  }
  return null;
}

/** The portal's levels: only customers (signed in, or not yet for portal-public); staff never act through the portal. */
function mayCallPortal(access: 'portal-public' | 'portal', principal: Principal | null): Refusal | null {
  if (principal === null) return access === 'portal-public' ? null : { code: 'UNAUTHENTICATED', message: 'Sign in first.' };
  if (principal.kind !== 'portal-account') return { code: 'FORBIDDEN', message: 'Only customers signed in to the portal may do this.' };
  return null;
}

/**
 * How a call came in, as the audit log records it: the command line, the portal, or the back
 * office (desktop and browser mode alike). Without a principal (first set-up, sign-in) the
 * shell's own way in counts.
 */
export function auditOriginOf(principal: Principal | null, shell: Via): AuditVia {
  if (principal?.kind === 'portal-account') return 'portal';
  const via = principal === null ? shell : principal.kind === 'staff' ? principal.via : principal.staff.via;
  return via === 'cli' ? 'cli' : 'app';
}
