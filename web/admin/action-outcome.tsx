import { Show } from 'solid-js';
import { ErrorMessage } from '../components/states';
import type { createAction } from './action';

/** What the last run of `action` came to: its error, else the `saved` note (a polite status). */
export function ActionOutcome(props: { action: ReturnType<typeof createAction>; saved?: string | null }) {
  return (
    <>
      <Show when={props.action.error()}>
        <ErrorMessage error={props.action.error()} />
      </Show>
      <Show when={props.saved}>
        <p role="status">{props.saved}</p>
      </Show>
    </>
  );
}
