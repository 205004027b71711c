import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';
import { resetSessionStores } from '../../components/session-stores';
import { navigate } from '../../router/use-route';
import { sessionKeys } from '../session/session-queries';

/** Query keys of the connect screen. */
export const officeDatabaseKeys = {
  status: ['office-database', 'status'] as const,
};

/** Which database Portier runs on, and what is remembered; refused (UNAUTHENTICATED) to a browser tab before sign-in. */
export function useOfficeDatabaseStatus() {
  return useQuery({ queryKey: officeDatabaseKeys.status, queryFn: () => call('office-database:get', {}), retry: false, staleTime: 0 });
}

export function useTestOfficeDatabase() {
  return useChannelMutation('office-database:test');
}

/**
 * After a switch nothing read from the old database may stay on screen, and nobody is signed
 * in on the new one: as after sign-out, then who is signed in (and whether the new database
 * still needs its first administrator) is asked anew.
 */
function forgetTheOldDatabase(client: QueryClient): void {
  // Home first: signed out on this route, the app would show the connect screen again.
  navigate({ name: 'organisations' }, { replace: true });
  client.setQueryData(sessionKeys.current, null);
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
  resetSessionStores();
  void client.invalidateQueries({ queryKey: sessionKeys.all });
}

export function useUseOfficeDatabase() {
  const client = useQueryClient();
  return useChannelMutation('office-database:use', { onSuccess: () => forgetTheOldDatabase(client) });
}

export function useForgetOfficeDatabase() {
  const client = useQueryClient();
  return useChannelMutation('office-database:forget', { onSuccess: () => forgetTheOldDatabase(client) });
}
