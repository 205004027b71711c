// @vitest-environment happy-dom
import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { setTransport } from '../../../renderer/src/api/client';
import { useChannelMutation } from '../../../renderer/src/api/hooks';
import { createQueryClient } from '../../../renderer/src/api/query-client';
import { organisation, person } from './support/fixtures';
import { fakeTransport } from './support/fake-transport';

afterEach(cleanup);

describe('after a mutation', () => {
  it("invalidates exactly the queries of the domains in the channel's `changes` list (and in meta.domains)", async () => {
    const fake = fakeTransport({ 'persons:create': () => person() });
    setTransport(fake.transport);
    const client = createQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const fetches = { organisations: 0, persons: 0, staff: 0, status: 0 };
    const { result } = renderHook(
      () => {
        useQuery({ queryKey: ['organisations', 'detail', 7], queryFn: () => (fetches.organisations++, organisation()) });
        useQuery({ queryKey: ['persons', 'list', {}], queryFn: () => (fetches.persons++, { rows: [], total: 0 }) });
        useQuery({ queryKey: ['staff', 'list', {}], queryFn: () => (fetches.staff++, { rows: [], total: 0 }) });
        // Reads staff through meta only: must not be refetched by a persons change.
        useQuery({ queryKey: ['session', 'setup-status'], meta: { domains: ['staff'] }, queryFn: () => (fetches.status++, null) });
        return useChannelMutation('persons:create');
      },
      { wrapper },
    );
    await waitFor(() => expect(fetches).toEqual({ organisations: 1, persons: 1, staff: 1, status: 1 }));

    await act(() => result.current.mutateAsync({ organisationId: 7, lastName: 'Größe' }));

    // persons:create changes persons, organisations and audit.
    await waitFor(() => expect(fetches).toEqual({ organisations: 2, persons: 2, staff: 1, status: 1 }));
    expect(fake.callsTo('persons:create')).toEqual([{ organisationId: 7, lastName: 'Größe' }]);
  });

  it('refetches a query that reads a changed domain through meta.domains', async () => {
    const fake = fakeTransport({ 'settings:update': () => ({ defaultLanguage: 'nl' }) });
    setTransport(fake.transport);
    const client = createQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    let statusFetches = 0;
    const { result } = renderHook(
      () => {
        useQuery({ queryKey: ['session', 'setup-status'], meta: { domains: ['settings'] }, queryFn: () => ++statusFetches });
        return useChannelMutation('settings:update');
      },
      { wrapper },
    );
    await waitFor(() => expect(statusFetches).toBe(1));
    await act(() => result.current.mutateAsync({ defaultLanguage: 'nl' }));
    await waitFor(() => expect(statusFetches).toBe(2));
  });
});
