import { For, type JSX, Show } from 'solid-js';
import { ApiError } from '../api/api-error';

/** A polite loading note for a region that is still fetching or computing. */
export function Loading(props: { what: string }) {
  return (
    <p class="state state-loading" role="status">
      Loading {props.what}…
    </p>
  );
}

/** What a page shows when there is nothing yet, with the way forward. */
export function Empty(props: { title: string; children?: JSX.Element }) {
  return (
    <div class="state state-empty" role="status">
      <p>
        <strong>{props.title}</strong>
      </p>
      {props.children}
    </div>
  );
}

/** An error with its field problems (line and column, or path), never swallowed. */
export function ErrorMessage(props: { error: unknown; retry?: () => void }) {
  const api = () => (props.error instanceof ApiError ? props.error : null);
  const message = () => (props.error instanceof Error ? props.error.message : String(props.error));
  return (
    <div class="state state-error" role="alert">
      <p>
        <strong>{api()?.title ?? 'Something went wrong'}</strong>
        <Show when={message() !== api()?.title}>: {message()}</Show>
      </p>
      <Show when={api()?.errors.length}>
        <ul class="problems">
          <For each={api()?.errors}>
            {(problem) => (
              <li>
                <Show when={problem.line !== undefined}>
                  <span class="where">Line {problem.line}</span>
                  <Show when={problem.column}> ({problem.column})</Show>:{' '}
                </Show>
                <Show when={problem.path}>
                  <code>{problem.path}</code>:{' '}
                </Show>
                {problem.message}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.retry}>
        <button type="button" onClick={() => props.retry?.()}>
          Try again
        </button>
      </Show>
    </div>
  );
}
