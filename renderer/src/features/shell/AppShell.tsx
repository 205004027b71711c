import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../../shared/api/staff';
import { useDataChanges } from '../../api/data-changes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../router/Link';
import type { Route } from '../../router/routes';
import { navigate, useRoute } from '../../router/use-route';
import { useSignOut } from '../session/session-queries';
import { Screen } from './Screen';

interface NavItem {
  to: Route;
  label: string;
  /** Route names that count as "inside" this item, for aria-current. */
  section: readonly Route['name'][];
}

/** The signed-in frame: navigation (admin items only for administrators), who is signed in, sign out. */
export function AppShell({ me }: { me: StaffMember }) {
  const { t } = useTranslation();
  const route = useRoute();
  const signOut = useSignOut();
  useDataChanges(me.id);
  const isAdmin = me.role === 'administrator';
  const items: NavItem[] = [
    { to: { name: 'organisations' }, label: t('nav.organisations'), section: ['organisations', 'organisation', 'hours-report'] },
    { to: { name: 'persons' }, label: t('nav.persons'), section: ['persons', 'person'] },
    { to: { name: 'projects' }, label: t('projects.title'), section: ['projects', 'project'] },
    { to: { name: 'tickets' }, label: t('tickets.nav'), section: ['tickets', 'ticket'] },
    { to: { name: 'accounts' }, label: t('nav.accounts'), section: ['accounts', 'account', 'access-review'] },
    { to: { name: 'role-groups' }, label: t('nav.roleGroups'), section: ['role-groups', 'role-group'] },
    { to: { name: 'outbox' }, label: t('nav.outbox'), section: ['outbox'] },
    { to: { name: 'documents' }, label: t('nav.documents'), section: ['documents'] },
    ...(isAdmin
      ? [
          { to: { name: 'staff' }, label: t('nav.staff'), section: ['staff', 'staff-member'] } satisfies NavItem,
          { to: { name: 'audit' }, label: t('nav.audit'), section: ['audit'] } satisfies NavItem,
        ]
      : []),
    { to: { name: 'settings' }, label: t('nav.settings'), section: ['settings'] },
  ];

  // A new screen is like a new page: move focus to it so keyboard and screen-reader users start at its top.
  const screenKey = `${route.name}:${'id' in route ? route.id : ''}`;
  const firstScreen = useRef(true);
  useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    document.getElementById('main')?.focus();
  }, [screenKey]);

  const onSignOut = async () => {
    try {
      await signOut.mutateAsync({});
      navigate({ name: 'organisations' }, { replace: true });
    } catch {
      // The error is shown below the button; staying signed in is the safe outcome.
    }
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <nav className="nav" aria-label={t('nav.label')}>
          <ul>
            {items.map((item) => (
              <li key={item.to.name}>
                <Link to={item.to} className="nav__link" aria-current={item.section.includes(route.name) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar__user">
          <span className="topbar__name" title={me.name}>{t('nav.signedInAs', { name: me.name })}</span>
          <button type="button" className="button button--on-dark" onClick={() => void onSignOut()} disabled={signOut.isPending}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <ErrorAlert error={signOut.error} />
      <main id="main" className="main" tabIndex={-1}>
        {/* Some screens load on first use (see Screen.tsx). */}
        <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
          <Screen route={route} me={me} />
        </Suspense>
      </main>
    </div>
  );
}
