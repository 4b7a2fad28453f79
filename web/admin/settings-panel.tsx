import { A } from '@solidjs/router';
import { createResource, Match, Switch } from 'solid-js';
import { settingsApi } from '../api/settings-client';
import { ErrorMessage, Loading } from '../components/states';
import { useStores } from '../stores/context';
import { LadderEditor } from './ladder-editor';
import { ParameterTable } from './parameter-table';

/**
 * Org settings: the level ladder and the model parameters (breach thresholds and the time zone
 * have their own pages, linked here); a save reloads the org model everywhere.
 */
export function SettingsPanel(props: { slug: string }) {
  const [org, resource] = createResource(() => props.slug, settingsApi.org);
  const [, model] = useStores().model;
  return (
    <>
      <p class="muted">
        Also org settings: the <A href="/settings/thresholds">breach thresholds</A> and the{' '}
        <A href="/settings/time-zone">org's time zone</A>.
      </p>
      <Switch>
        <Match when={org.error}>
          <ErrorMessage error={org.error} retry={() => void resource.refetch()} />
        </Match>
        <Match when={org.loading && !org.latest}>
          <Loading what="the level ladder" />
        </Match>
        <Match when={org()}>
          {(current) => (
            <LadderEditor
              slug={props.slug}
              org={current()}
              onSaved={(saved) => {
                resource.mutate(saved);
                void model.reload();
              }}
            />
          )}
        </Match>
      </Switch>
      <ParameterTable slug={props.slug} onSaved={() => void model.reload()} />
    </>
  );
}
