import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { contract, type ChannelName } from '../../../shared/api';
import type { Domain } from '../../../shared/contract';
import { isAppError } from '../../../shared/errors';

/** Extra domains a query reads besides the first element of its key (e.g. setup status reads staff and settings). */
export interface QueryMeta extends Record<string, unknown> {
  domains?: readonly Domain[];
}

/**
 * Every query key starts with the domain it reads (see the key factories of the
 * features); a query that reads more domains lists them in meta.domains.
 */
export function readsDomain(queryKey: readonly unknown[], meta: QueryMeta | undefined, domains: readonly Domain[]): boolean {
  const first = queryKey[0];
  return domains.some((domain) => domain === first || (meta?.domains ?? []).includes(domain));
}

export function invalidateDomains(client: QueryClient, domains: readonly Domain[]): Promise<void> {
  if (domains.length === 0) return Promise.resolve();
  return client.invalidateQueries({ predicate: (query) => readsDomain(query.queryKey, query.meta as QueryMeta | undefined, domains) });
}

/**
 * After `<domain>:delete` of record `id`, its queries (detail and the like: keys
 * [domain, ..., id]) are removed, not just invalidated: ids are never reused, but a cached
 * answer for a deleted id must not be shown, nor a form filled from it, ever again.
 */
export function forgetDeletedRecord(client: QueryClient, channel: ChannelName, input: unknown): void {
  const [domain, action] = channel.split(':');
  if (action !== 'delete' || typeof input !== 'object' || input === null || !('id' in input)) return;
  const id = input.id;
  if (typeof id !== 'number') return;
  client.removeQueries({ predicate: (query) => query.queryKey[0] === domain && query.queryKey.slice(1).includes(id) });
}

/** The domains a channel changes, straight from the contract. */
export function domainsChangedBy(channel: ChannelName): readonly Domain[] {
  const def: { changes?: readonly Domain[] } = contract[channel];
  return def.changes ?? [];
}

/** A signed-out answer anywhere means the session ended (expired, deactivated): re-ask who is signed in. */
function onUnauthenticated(client: QueryClient) {
  return (error: unknown) => {
    if (isAppError(error) && error.code === 'UNAUTHENTICATED') void client.invalidateQueries({ queryKey: ['session'] });
  };
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onUnauthenticated(client)(error) }),
    mutationCache: new MutationCache({ onError: (error) => onUnauthenticated(client)(error) }),
    defaultOptions: {
      queries: {
        // Errors carry stable codes; retrying a VALIDATION or FORBIDDEN answer cannot help.
        retry: (count, error) => !isAppError(error) && count < 1,
        staleTime: 10_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
