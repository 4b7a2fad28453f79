import { A, useLocation } from '@solidjs/router';
import { For, Match, Show, Switch } from 'solid-js';
import { Empty } from '../components/states';
import { useStores } from '../stores/context';
import './admin.css';
import { AuditPanel } from './audit-panel';
import { SettingsPanel } from './settings-panel';
import { TokensPanel } from './tokens-panel';
import { UsersPanel } from './users-panel';

const sections = [
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/tokens', label: 'API tokens' },
  { href: '/admin/settings', label: 'Org settings' },
  { href: '/admin/audit', label: 'Audit log' },
];

/** `/admin/*`: users and invitations, API tokens, org settings and the audit log (admins only). */
export function AdminPage() {
  const [state] = useStores().session;
  const location = useLocation();
  const section = () => (location.pathname === '/admin' ? '/admin/users' : location.pathname);
  return (
    <section class="page admin">
      <h2>Administration</h2>
      <Show
        when={state.role() === 'admin'}
        fallback={
          <Empty title="Administration is for admins.">
            <p>Ask an admin of {state.orgName()} to change your role.</p>
          </Empty>
        }
      >
        <nav class="tabs" aria-label="Administration">
          <For each={sections}>
            {(s) => (
              <A href={s.href} aria-current={section() === s.href ? 'page' : undefined}>
                {s.label}
              </A>
            )}
          </For>
        </nav>
        <Switch fallback={<p>No administration page at {location.pathname}.</p>}>
          <Match when={section() === '/admin/users'}>
            <UsersPanel slug={state.orgSlug() ?? ''} selfId={state.me()?.user?.id} />
          </Match>
          <Match when={section() === '/admin/tokens'}>
            <TokensPanel slug={state.orgSlug() ?? ''} />
          </Match>
          <Match when={section() === '/admin/settings'}>
            <SettingsPanel slug={state.orgSlug() ?? ''} />
          </Match>
          <Match when={section() === '/admin/audit'}>
            <AuditPanel slug={state.orgSlug() ?? ''} />
          </Match>
        </Switch>
      </Show>
    </section>
  );
}
