import type { CommandLineContract, commandLineApi } from '../../../shared/api/command-line';
import { AppError } from '../../../shared/errors';
import { activateAccount } from '../activation/activation-service';
import { actorOf, type HandlersOf } from '../context';
import { findPendingLetterIds } from '../documents/pending-letter-repository';
import { handlers } from '../handlers';
import { setDemoActivationState } from '../portal-accounts/demo-activation-repository';
import { findAccountsByUsername, findUsernameById } from '../portal-accounts/username-repository';

const commandLineOnly: HandlersOf<typeof commandLineApi> = {
  'portal-accounts:find-by-username': (input, { deps }) => findAccountsByUsername(deps.db, input.usernames),
  'portal-accounts:complete-activation': async (input, { deps }) => {
    const { accountId } = await activateAccount(deps, input);
    const username = await findUsernameById(deps.db, accountId);
    if (username === undefined) throw new AppError('NOT_FOUND', `Portal account ${accountId} does not exist.`);
    return { id: accountId, username };
  },
  'portal-accounts:set-demo-activation-states': async (input, ctx) => {
    const by = actorOf(ctx).id;
    let updated = 0;
    await ctx.deps.db.transaction().execute(async (trx) => {
      for (const state of input.states) if (await setDemoActivationState(trx, state, by)) updated += 1;
    });
    return { updated };
  },
  'documents:pending-letters': async (_input, { deps }) => ({ ids: await findPendingLetterIds(deps.db, deps.clock()) }),
};

/** Every channel of the command line's contract: the back office's handlers and its own. */
export const commandLineHandlers: HandlersOf<CommandLineContract> = { ...handlers, ...commandLineOnly };
