import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import type { VersionDiff } from '../api/types';
import { formatDate } from '../format';
import { useStores } from '../stores/context';
import { ErrorMessage, Loading } from './states';

const shown = (value: unknown) => (value === undefined ? '' : JSON.stringify(value));

/** What changed between two versions, one line per JSON path. */
function DiffList(props: { diff: VersionDiff }) {
  return (
    <Show
      when={props.diff.changes.length > 0}
      fallback={
        <p class="muted">
          Versions {props.diff.from} and {props.diff.to} are the same.
        </p>
      }
    >
      <ul class="diff" aria-label={`Changes from version ${props.diff.from} to ${props.diff.to}`}>
        <For each={props.diff.changes}>
          {(change) => (
            <li class={`diff-${change.kind}`}>
              <code>{change.path}</code> {change.kind}
              <Show when={change.kind !== 'added'}>
                {' '}
                <del>{shown(change.from)}</del>
              </Show>
              <Show when={change.kind !== 'removed'}>
                {' '}
                <ins>{shown(change.to)}</ins>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/**
 * A scenario's versions, newest first: open any of them, see the diff between any two, and
 * compare their forecasts.
 */
export function VersionHistory(props: { scenarioId: string; current: number }) {
  const [, actions] = useStores().scenarios;
  const [versions] = createResource(() => props.scenarioId, actions.versions);
  /** Default pair: the version before the open one and the open one, or the open v1 and the latest. */
  const [fromPick, setFrom] = createSignal<number | null>(null);
  const [toPick, setTo] = createSignal<number | null>(null);
  const latest = () => versions()?.[0]?.version ?? props.current;
  const from = () => fromPick() ?? (props.current > 1 ? props.current - 1 : 1);
  const to = () => toPick() ?? (props.current > 1 ? props.current : latest());
  const [diff] = createResource(
    () => (from() !== to() ? { id: props.scenarioId, from: from(), to: to() } : null),
    ({ id, from, to }) => actions.diff(id, from, to),
  );
  const picker = (label: string, id: string, value: () => number, set: (v: number) => void) => (
    <label for={id}>
      {label}{' '}
      <select id={id} value={value()} onChange={(e) => set(Number(e.currentTarget.value))}>
        <For each={versions()}>{(entry) => <option value={entry.version}>v{entry.version}</option>}</For>
      </select>
    </label>
  );
  return (
    <section class="panel version-history" aria-labelledby="versions-title">
      <h3 id="versions-title">Version history</h3>
      <Show when={!versions.error} fallback={<ErrorMessage error={versions.error} />}>
        <Show when={versions()} fallback={<Loading what="versions" />}>
          <ol class="versions">
            <For each={versions()}>
              {(entry) => (
                <li>
                  <Show
                    when={entry.version !== props.current}
                    fallback={<strong>v{entry.version} (open)</strong>}
                  >
                    <A href={`/scenarios/${encodeURIComponent(props.scenarioId)}?v=${entry.version}`}>
                      v{entry.version}
                    </A>
                  </Show>{' '}
                  <span class="muted">{formatDate(entry.createdAt.slice(0, 10))}</span>
                </li>
              )}
            </For>
          </ol>
          <Show when={(versions()?.length ?? 0) > 1}>
            <div class="diff-pick">
              {picker('Changes from', 'diff-from', from, setFrom)}
              {picker('to', 'diff-to', to, setTo)}
              <A
                href={`/compare?s=${encodeURIComponent(`${props.scenarioId}@${from()},${props.scenarioId}@${to()}`)}`}
              >
                Compare forecasts
              </A>
            </div>
            <Show when={from() !== to()} fallback={<p class="muted">Pick two different versions.</p>}>
              <Show when={!diff.error} fallback={<ErrorMessage error={diff.error} />}>
                <Show when={diff()} fallback={<Loading what="the changes" />}>
                  {(current) => <DiffList diff={current()} />}
                </Show>
              </Show>
            </Show>
          </Show>
        </Show>
      </Show>
    </section>
  );
}
