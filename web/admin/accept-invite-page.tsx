import { useNavigate } from '@solidjs/router';
import { createResource, Match, Show, Switch } from 'solid-js';
import { adminApi } from '../api/admin-client';
import { ErrorMessage, Loading } from '../components/states';
import { useStores } from '../stores/context';
import { createAction } from './action';
import { ActionOutcome } from './action-outcome';

/** `/invite/{secret}`: shows what the link offers; a new account sets its name and password, an existing one signs in. */
export function AcceptInvitePage(props: { secret: string }) {
  const [, session] = useStores().session;
  const navigate = useNavigate();
  const [offer, offerResource] = createResource(() => props.secret, adminApi.offer);
  const action = createAction();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const name = data.get('name');
    const password = String(data.get('password'));
    const me = await action.run(() =>
      adminApi.accept(props.secret, { ...(name ? { name: String(name) } : {}), password }),
    );
    if (!me) return;
    navigate('/');
    await session.refresh();
  };
  return (
    <section class="page">
      <Switch>
        <Match when={offer.error}>
          <ErrorMessage error={offer.error} retry={() => void offerResource.refetch()} />
        </Match>
        <Match when={offer.loading}>
          <Loading what="the invitation" />
        </Match>
        <Match when={offer()}>
          {(o) => (
            <form class="sign-in panel" aria-labelledby="accept-title" onSubmit={(e) => void submit(e)}>
              <h2 id="accept-title">Join {o().org.name}</h2>
              <p>
                Invited as <strong>{o().role}</strong>: <span>{o().email}</span>. The link works until{' '}
                {new Date(o().expiresAt).toLocaleString()}.
              </p>
              <Show
                when={!o().hasAccount}
                fallback={<p>You already have an account: enter its password to join.</p>}
              >
                <label for="invite-name">Your name</label>
                <input id="invite-name" name="name" autocomplete="name" required maxLength={120} />
              </Show>
              <label for="invite-password">
                {o().hasAccount ? 'Password' : 'Choose a password (12+ characters)'}
              </label>
              <input
                id="invite-password"
                name="password"
                type="password"
                autocomplete={o().hasAccount ? 'current-password' : 'new-password'}
                minLength={o().hasAccount ? 1 : 12}
                required
              />
              <button type="submit" disabled={action.busy()}>
                {action.busy() ? 'Joining…' : 'Join'}
              </button>
              <ActionOutcome action={action} />
            </form>
          )}
        </Match>
      </Switch>
    </section>
  );
}
