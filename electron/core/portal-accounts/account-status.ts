import type { AccountStatus } from '../../../shared/api/portal-accounts';

/** The columns a status is computed from. */
export interface StatusColumns {
  active: number;
  locked_until: string | null;
  activated_at: string | null;
  password_hash?: string | null;
  has_password?: number;
  activation_sent_at: string | null;
  activation_expires_at: string | null;
}

/**
 * Where an account stands at `now`, first match wins: deactivated > locked > active
 * (activated, or given a password) > no access yet (never invited) > invitation expired
 * (at exactly the expiry instant) > invited. Mirrors statusExpression() in SQL.
 */
export function accountStatus(row: StatusColumns, now: Date): AccountStatus {
  const at = now.toISOString();
  if (row.active === 0) return 'deactivated';
  if (row.locked_until !== null && row.locked_until > at) return 'locked';
  const hasPassword = row.has_password !== undefined ? row.has_password === 1 : (row.password_hash ?? null) !== null;
  if (row.activated_at !== null || hasPassword) return 'active';
  if (row.activation_sent_at === null) return 'no_access';
  if (row.activation_expires_at !== null && row.activation_expires_at <= at) return 'invitation_expired';
  return 'invited';
}
