import type { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { setTransport } from '../../../../renderer/src/api/client';
import { createQueryClient } from '../../../../renderer/src/api/query-client';
import { AppProviders } from '../../../../renderer/src/AppProviders';
import { createI18n } from '../../../../renderer/src/i18n/i18n';
import type { UiLanguage } from '../../../../shared/api/common';
import { fakeTransport, type FakeHandlers, type FakeTransport } from './fake-transport';

export interface Rendered extends RenderResult {
  fake: FakeTransport;
  queryClient: QueryClient;
}

/** Renders a piece of the renderer with the real providers, the real client and a fake core behind it. */
export function renderWithApp(ui: ReactElement, handlers: FakeHandlers, options: { language?: UiLanguage } = {}): Rendered {
  const fake = fakeTransport(handlers);
  setTransport(fake.transport);
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const result = render(
    <AppProviders i18n={createI18n(options.language ?? 'en')} queryClient={queryClient}>
      {ui}
    </AppProviders>,
  );
  return { ...result, fake, queryClient };
}
