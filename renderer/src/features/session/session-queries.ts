import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';
import type { QueryMeta } from '../../api/query-client';
import { resetSessionStores } from '../../components/session-stores';

/** Query keys of the session domain. */
export const sessionKeys = {
  all: ['session'] as const,
  current: ['session', 'current'] as const,
  setupStatus: ['session', 'setup-status'] as const,
};

/** Who is signed in (null: nobody); decides between the sign-in screen and the app. */
export function useCurrentStaff() {
  return useQuery({ queryKey: sessionKeys.current, queryFn: () => call('session:current', {}), staleTime: 60_000 });
}

const setupStatusMeta: QueryMeta = { domains: ['staff', 'settings'] };

/** Whether the first administrator is still missing, and the default language for the screens before sign-in. */
export function useSetupStatus() {
  return useQuery({ queryKey: sessionKeys.setupStatus, queryFn: () => call('setup:status', {}), meta: setupStatusMeta });
}

export function useCreateAdministrator() {
  const client = useQueryClient();
  return useChannelMutation('setup:create-administrator', {
    onSuccess: (member) => client.setQueryData(sessionKeys.current, member),
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useChannelMutation('session:sign-in', {
    onSuccess: (member) => client.setQueryData(sessionKeys.current, member),
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useChannelMutation('session:sign-out', {
    onSuccess: () => {
      // Signed-out first, so the screens unmount before their data goes; then nothing
      // read by one staff user stays in memory for the next one.
      client.setQueryData(sessionKeys.current, null);
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      resetSessionStores();
    },
  });
}

export function useSetMyLanguage() {
  const client = useQueryClient();
  return useChannelMutation('staff:set-my-language', {
    onSuccess: (member) => client.setQueryData(sessionKeys.current, member),
  });
}
