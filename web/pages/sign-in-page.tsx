import { createSignal, Show } from 'solid-js';
import { ErrorMessage } from '../components/states';
import { useStores } from '../stores/context';

/** Email and password sign-in. */
export function SignInPage() {
  const [, actions] = useStores().session;
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      await actions.signIn(String(form.get('email')), String(form.get('password')));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="sign-in panel" onSubmit={submit} aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Sign in</h2>
      <label for="email">Email</label>
      <input id="email" name="email" type="email" autocomplete="username" required />
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required />
      <button type="submit" disabled={busy()}>
        {busy() ? 'Signing in…' : 'Sign in'}
      </button>
      <Show when={error()}>
        <ErrorMessage error={error()} />
      </Show>
    </form>
  );
}
