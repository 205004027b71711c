import { createRoot } from 'react-dom/client';
import { setTransport } from './api/client';
import { pickChangeSource, setChangeSource } from './api/data-changes';
import { createQueryClient } from './api/query-client';
import { pickTransport } from './api/transport';
import { watchUserActivity } from './api/user-activity';
import { App } from './App';
import { AppProviders } from './AppProviders';
import { createI18n } from './i18n/i18n';
import './styles/global.css';

// Before anything renders: the HTTP transport takes the key out of the address bar first.
setTransport(pickTransport());
// Changes made elsewhere refresh the open screens (desktop: the preload; browser mode: the tab's stream).
setChangeSource(pickChangeSource());
// Calls made while the user is away do not keep the sign-in from its idle timeout.
watchUserActivity(window);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <AppProviders i18n={createI18n()} queryClient={createQueryClient()}>
    <App />
  </AppProviders>,
);
