import { type JSX, lazy, Match, Show, Switch } from 'solid-js';
import { ErrorMessage, Loading } from './components/states';
import { SignInPage } from './pages/sign-in-page';
import { currentPath, Link, matchPath } from './router';
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
const AdminPage = lazyNamed(() => import('./admin/admin-page'), 'AdminPage');
const AcceptInvitePage = lazyNamed(() => import('./admin/accept-invite-page'), 'AcceptInvitePage');

function Routes() {
  const editing = () => matchPath('/scenarios/:id', currentPath());
  const teamAnswers = () => matchPath('/teams/:id/answers', currentPath());
  return (
    <Switch fallback={<p>No page at {currentPath()}.</p>}>
      <Match when={currentPath() === '/'}>
        <DashboardPage />
      </Match>
      <Match when={currentPath() === '/scenarios'}>
        <ScenariosPage />
      </Match>
      <Match when={editing()}>{(params) => <EditorPage id={params().id ?? 'new'} />}</Match>
      <Match when={currentPath() === '/compare'}>
        <ComparePage />
      </Match>
      <Match when={currentPath() === '/teams'}>
        <TeamsPage />
      </Match>
      <Match when={currentPath() === '/reports'}>
        <ReportsPage />
      </Match>
      <Match when={currentPath() === '/alerts'}>
        <AlertsPage />
      </Match>
      <Match when={currentPath() === '/history'}>
        <HistoryPage />
      </Match>
      <Match when={currentPath() === '/calibration'}>
        <CalibrationPage />
      </Match>
      <Match when={teamAnswers()}>{(params) => <TeamAnswersPage teamId={params().id ?? ''} />}</Match>
      <Match when={currentPath() === '/settings/thresholds'}>
        <ThresholdsPage />
      </Match>
      <Match when={currentPath() === '/admin' || currentPath().startsWith('/admin/')}>
        <AdminPage />
      </Match>
    </Switch>
  );
}

function Shell() {
  const { session } = useStores();
  const [state, actions] = session;
  return (
    <div class="shell">
      <header class="shell-header">
        <h1 class="brand">Reviewload</h1>
        <Show when={state.status() === 'signed-in'}>
          <nav aria-label="Main">
            <Link href="/">Dashboard</Link>
            <Link href="/scenarios">Scenarios</Link>
            <Link href="/compare">Compare</Link>
            <Link href="/teams">Teams</Link>
            <Link href="/reports">Reports</Link>
            <Link href="/alerts">Alerts</Link>
            <Link href="/history">History</Link>
            <Link href="/calibration">Calibration</Link>
            <Show when={state.role() === 'admin'}>
              <Link href="/admin">Admin</Link>
            </Show>
          </nav>
          <div class="who">
            <span>
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
          <Match when={matchPath('/invite/:secret', currentPath())}>
            {(params) => <AcceptInvitePage secret={params().secret ?? ''} />}
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
          <Match when={state.status() === 'signed-in'}>
            <Routes />
          </Match>
        </Switch>
      </main>
    </div>
  );
}

/** The app: stores, header with navigation and session, and the current page. */
export function App() {
  return (
    <StoresProvider>
      <Shell />
    </StoresProvider>
  );
}
