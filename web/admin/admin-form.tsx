import type { JSX } from 'solid-js';
import { Show } from 'solid-js';
import { ErrorMessage } from '../components/states';
import type { createAction } from './action';
import { CopyField } from './copy-field';
import { RoleOptions } from './role-options';

/**
 * A titled form panel in the admin grid: its fields, one submit button (its `busyLabel` while
 * `action` runs), the action's error, and a value shown once with a copy button (`shown`).
 */
export function AdminForm(props: {
  title: string;
  submit: string;
  busyLabel?: string;
  action: ReturnType<typeof createAction>;
  onSubmit: (data: FormData, form: HTMLFormElement) => void;
  shown?: { label: string; value: string | null };
  children: JSX.Element;
}) {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    props.onSubmit(new FormData(form), form);
  };
  return (
    <form class="panel form-grid" aria-label={props.title} onSubmit={submit}>
      <h3>{props.title}</h3>
      {props.children}
      <div class="actions">
        <button type="submit" disabled={props.action.busy()}>
          {props.action.busy() && props.busyLabel ? props.busyLabel : props.submit}
        </button>
      </div>
      <Show when={props.action.error()}>
        <div class="wide">
          <ErrorMessage error={props.action.error()} />
        </div>
      </Show>
      <Show when={props.shown?.value}>
        {(value) => (
          <div class="wide">
            <CopyField label={props.shown?.label ?? ''} value={value()} />
          </div>
        )}
      </Show>
    </form>
  );
}

/** The role picker of a form (field name `role`). */
export const RoleField = () => (
  <label>
    Role
    <select name="role">
      <RoleOptions />
    </select>
  </label>
);
