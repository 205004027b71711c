import { DEFAULT_PASSWORD_POLICY, PasswordPolicy, type passwordPolicyApi } from '../../../shared/api/password-policy';
import { changedFields, recordAudit } from '../audit/audit-log';
import { isoNow } from '../clock';
import { actorOf, type Actor, type CoreDeps, type Handlers } from '../context';
import type { Executor } from '../db/connection';
import { readSettingJson, writeSetting } from '../settings/setting-repository';

/** Stored in the setting table under its own key; settings:get does not show it. */
export const PASSWORD_POLICY_KEY = 'passwordPolicy';

/** The policy in force: the default until an administrator saves one; an unreadable stored value falls back to it. */
export async function readPasswordPolicy(db: Executor): Promise<PasswordPolicy> {
  const json = await readSettingJson(db, PASSWORD_POLICY_KEY);
  if (json === null) return DEFAULT_PASSWORD_POLICY;
  const parsed = PasswordPolicy.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : DEFAULT_PASSWORD_POLICY;
}

export async function updatePasswordPolicy(deps: CoreDeps, actor: Actor, next: PasswordPolicy): Promise<PasswordPolicy> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const before = await readPasswordPolicy(trx);
    await writeSetting(trx, PASSWORD_POLICY_KEY, next);
    const diff = changedFields(before, next);
    if (Object.keys(diff.after).length > 0) {
      await recordAudit(trx, { at: now, staffId: actor.id, entity: 'password-policy', entityId: null, action: 'updated', ...diff });
    }
  });
  return readPasswordPolicy(deps.db);
}

export const passwordPolicyHandlers: Handlers<keyof typeof passwordPolicyApi> = {
  'password-policy:get': (_input, { deps }) => readPasswordPolicy(deps.db),
  'password-policy:update': (input, ctx) => updatePasswordPolicy(ctx.deps, actorOf(ctx), input),
};
