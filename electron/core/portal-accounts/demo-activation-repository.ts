import type { Executor } from '../db/connection';

export interface DemoActivationState {
  id: number;
  sentAt: string;
  expiresAt: string;
  activatedAt: string | null;
  lastSignInAt: string | null;
}

/**
 * Writes a demo account's activation dates as given (seed-demo), "sent by" this staff user.
 * Only an account without any activation history is touched, so no real account's history
 * can be rewritten this way. Resolves to whether the account was.
 */
export async function setDemoActivationState(db: Executor, state: DemoActivationState, sentBy: number): Promise<boolean> {
  const result = await db
    .updateTable('portal_account')
    .set({
      activation_sent_at: state.sentAt,
      activation_expires_at: state.expiresAt,
      activation_sent_by: sentBy,
      ...(state.activatedAt !== null ? { activated_at: state.activatedAt } : {}),
      ...(state.lastSignInAt !== null ? { last_sign_in_at: state.lastSignInAt } : {}),
    })
    .where('id', '=', state.id)
    .where('activation_sent_at', 'is', null)
    .where('activated_at', 'is', null)
    .where('password_hash', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
