import { A } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { Thresholds } from '../../shared';
import { api } from '../api/client';
import { ErrorMessage, Loading } from '../components/states';
import { useStores } from '../stores/context';

/**
 * The org's breach thresholds: each with its unit, default and the default's source; admins
 * change them (PATCH, later forecasts use them) or restore the defaults. Others read them.
 */
export function ThresholdsPage() {
  const { session } = useStores();
  const [stored, { mutate }] = createResource(session[0].orgSlug, (slug) => api.thresholds(slug));
  const [message, setMessage] = createSignal<string | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const isAdmin = () => session[0].role() === 'admin';
  const save = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const changes: Partial<Thresholds> = {};
    for (const info of stored()!.info) changes[info.key] = Number(data.get(info.key));
    await run(
      () => api.saveThresholds(session[0].orgSlug()!, changes),
      'Saved. Forecasts from now on use these thresholds.',
    );
  };
  const run = async (action: () => ReturnType<typeof api.thresholds>, done: string) => {
    setError(null);
    try {
      mutate(await action());
      setMessage(done);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section class="page">
      <h2>Breach thresholds</h2>
      <p class="muted">
        A team breaches in the first week its P50 forecast crosses one of these. Reviewers needed and the
        absorbable layoff are computed against them too. Weeks start in the{' '}
        <A href="/settings/time-zone">org's time zone</A>.
      </p>
      <Switch>
        <Match when={stored.error}>
          <ErrorMessage error={stored.error} />
        </Match>
        <Match when={stored()}>
          {(view) => (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void save(event.currentTarget);
              }}
            >
              <div class="table-scroll">
                <table class="thresholds">
                  <thead>
                    <tr>
                      <th scope="col">Threshold</th>
                      <th scope="col">Value</th>
                      <th scope="col">Default</th>
                      <th scope="col">Where the default comes from</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={view().info}>
                      {(info) => (
                        <tr>
                          <th scope="row">
                            <label for={`threshold-${info.key}`}>{info.label}</label>
                            <span class="th-note">{info.unit}</span>
                          </th>
                          <td>
                            <input
                              id={`threshold-${info.key}`}
                              name={info.key}
                              type="number"
                              step="any"
                              required
                              disabled={!isAdmin()}
                              value={view().thresholds[info.key]}
                            />
                          </td>
                          <td class="num">{view().defaults[info.key]}</td>
                          <td>{info.source}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <p class="muted">
                {view().custom
                  ? `The org's own thresholds, stored ${view().updatedAt?.slice(0, 10)}.`
                  : 'The defaults.'}
              </p>
              <Show when={isAdmin()} fallback={<p class="muted">Only admins change thresholds.</p>}>
                <div class="actions">
                  <button type="submit">Save thresholds</button>
                  <button
                    type="button"
                    class="secondary"
                    onClick={() =>
                      void run(() => api.resetThresholds(session[0].orgSlug()!), 'Defaults restored.')
                    }
                  >
                    Restore defaults
                  </button>
                </div>
              </Show>
              <Show when={message()}>
                <p role="status">{message()}</p>
              </Show>
              <Show when={error()}>
                <ErrorMessage error={error()} />
              </Show>
            </form>
          )}
        </Match>
        <Match when={true}>
          <Loading what="the thresholds" />
        </Match>
      </Switch>
    </section>
  );
}
