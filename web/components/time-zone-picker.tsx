import { For } from 'solid-js';
import { defaultTimeZone } from '../../shared';

/** Every IANA zone this browser knows, UTC first. */
const zones = (): string[] => {
  const known = Intl.supportedValuesOf('timeZone');
  return [defaultTimeZone, ...known.filter((zone) => zone !== defaultTimeZone)];
};

/**
 * A time zone field: free text with the browser's IANA zones as suggestions (type "Rome" to find
 * Europe/Rome). `id` labels it; the list's id is derived from it.
 */
export function TimeZonePicker(props: {
  id: string;
  value: string;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
  onInput: (zone: string) => void;
}) {
  const listId = () => `${props.id}-zones`;
  return (
    <>
      <input
        id={props.id}
        list={listId()}
        value={props.value}
        disabled={props.disabled}
        autocomplete="off"
        spellcheck={false}
        aria-invalid={props.invalid ? 'true' : undefined}
        aria-describedby={props.describedBy}
        onInput={(event) => props.onInput(event.currentTarget.value.trim())}
      />
      <datalist id={listId()}>
        <For each={zones()}>{(zone) => <option value={zone} />}</For>
      </datalist>
    </>
  );
}
