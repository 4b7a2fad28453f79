import { A, Route, Router, type RouteSectionProps, useLocation, useParams } from '@solidjs/router';
import { createEffect, createSignal, type JSX, lazy, Match, on, Show, Switch } from 'solid-js';
import { ErrorMessage, Loading } from './components/states';
import { SignInPage } from './pages/sign-in-page';
import { StoresProvider, useStores } from './stores/context';

const lazyNamed = <K extends string, P>(load: () => Promise<Record<K, (props: P) => JSX.Element>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));

const DashboardPage = lazyNamed(() => import('./pages/dashboard-page'), 'DashboardPage');
const ScenariosPage = lazyNamed(() => import('./pages/scenarios-page'), 'ScenariosPage');
const EditorPage = lazyNamed(() => import('./pages/editor-page'), 'EditorPage');
const ComparePage = lazyNamed(() => import('./pages/compare-page'), 'ComparePage');
const TeamsPage = lazyNamed(() => import('./pages/teams-page'), 'TeamsPage');
const ReportsPage = lazyNamed(() => import('./pages/reports-page'), 'ReportsPage');
const AlertsPage = lazyNamed(() => import('./pages/alerts-page'), 'AlertsPage');
const HistoryPage = lazyNamed(() => import('./pages/history-page'), 'HistoryPage');
const CalibrationPage = lazyNamed(() => import('./pages/calibration-page'), 'CalibrationPage');
const TeamAnswersPage = lazyNamed(() => import('./pages/team-answers-page'), 'TeamAnswersPage');
const ThresholdsPage = lazyNamed(() => import('./pages/thresholds-page'), 'ThresholdsPage');
const TimeZonePage = lazyNamed(() => import('./pages/time-zone-page'), 'TimeZonePage');
const AdminPage = lazyNamed(() => import('./admin/admin-page'), 'AdminPage');
const AcceptInvitePage = lazyNamed(() => import('./admin/accept-invite-page'), 'AcceptInvitePage');

const pages: { href: string; label: string }[] = [
  { href: '/', label: 'Dashboard' },
  { href: '/scenarios', label: 'Scenarios' },
  { href: '/compare', label: 'Compare' },
  { href: '/teams', label: 'Teams' },
  { href: '/reports', label: 'Reports' },
  { href: '/alerts', label: 'Alerts' },
  { href: '/history', label: 'History' },
  { href: '/calibration', label: 'Calibration' },
];

/** The main navigation: a row of links (Admin for admins), folded behind a Menu button on narrow screens. */
function MainNav() {
  const [state] = useStores().session;
  const [open, setOpen] = createSignal(false);
  const location = useLocation();
  createEffect(
    on(
      () => location.pathname,
      () => setOpen(false),
      { defer: true },
    ),
  );
  return (
    <div class="main-nav" classList={{ open: open() }}>
      <button
        type="button"
        class="menu-button"
        aria-expanded={open()}
        aria-controls="main-nav-links"
        onClick={() => setOpen(!open())}
      >
        Menu
      </button>
      <nav id="main-nav-links" aria-label="Main">
        {pages.map((page) => (
          <A href={page.href} end={page.href === '/'}>
            {page.label}
          </A>
        ))}
        <Show when={state.role() === 'admin'}>
          <A href="/admin">Admin</A>
        </Show>
      </nav>
    </div>
  );
}

/** Header with navigation and session; the page once signed in. */
/** The secret of an invitation link (`/invite/{secret}`), open to anyone signed in or not. */
const inviteSecret = (pathname: string): string | undefined => /^\/invite\/([^/]+)$/.exec(pathname)?.[1];

function Shell(props: RouteSectionProps) {
  const { session } = useStores();
  const [state, actions] = session;
  const location = useLocation();
  return (
    <div class="shell">
      <header class="shell-header">
        <h1 class="brand">Reviewload</h1>
        <Show when={state.status() === 'signed-in'}>
          <MainNav />
          <div class="who">
            <span class="who-name">
              {state.me()?.user?.email} · {state.orgName()} · <span class="role">{state.role()}</span>
            </span>
            <button type="button" class="link-button" onClick={() => void actions.signOut()}>
              Sign out
            </button>
          </div>
        </Show>
      </header>
      <main class="shell-main">
        <Switch>
          <Match when={inviteSecret(location.pathname)}>
            {(secret) => <AcceptInvitePage secret={secret()} />}
          </Match>
          <Match when={state.status() === 'loading'}>
            <Loading what="your session" />
          </Match>
          <Match when={state.status() === 'error'}>
            <ErrorMessage error={state.error()} retry={() => void actions.refresh()} />
          </Match>
          <Match when={state.status() === 'signed-out'}>
            <SignInPage />
          </Match>
          <Match when={state.status() === 'signed-in'}>{props.children}</Match>
        </Switch>
      </main>
    </div>
  );
}

/** /teams/:id/answers: one team's answers. */
function TeamAnswersRoute() {
  const params = useParams<{ id: string }>();
  return <TeamAnswersPage teamId={params.id} />;
}

function NoPage() {
  const location = useLocation();
  return <p>No page at {location.pathname}.</p>;
}

/** The app: stores, the router (addresses and their query parameters are shareable links) and the shell. */
export function App() {
  return (
    <StoresProvider>
      <Router root={Shell}>
        <Route path="/" component={DashboardPage} />
        <Route path="/scenarios" component={ScenariosPage} />
        <Route path="/scenarios/:id" component={EditorPage} />
        <Route path="/compare" component={ComparePage} />
        <Route path="/teams" component={TeamsPage} />
        <Route path="/reports" component={ReportsPage} />
        <Route path="/alerts" component={AlertsPage} />
        <Route path="/history" component={HistoryPage} />
        <Route path="/calibration" component={CalibrationPage} />
        <Route path="/teams/:id/answers" component={TeamAnswersRoute} />
        <Route path="/settings/thresholds" component={ThresholdsPage} />
        <Route path="/settings/time-zone" component={TimeZonePage} />
        <Route path={['/admin', '/admin/*']} component={AdminPage} />
        <Route path="/invite/:secret" />
        <Route path="*" component={NoPage} />
      </Router>
    </StoresProvider>
  );
}
