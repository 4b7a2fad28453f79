import { For } from 'solid-js';

/** Every IANA zone this browser knows, UTC first. */
const zones = (() => {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...known.filter((z) => z !== 'UTC')];
})();

/** The browser's own zone, the default for a new rule. */
export const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The options of a time zone picker (no free text); a current value the list lacks is kept as an option. */
export function TimeZoneOptions(props: { value: string }) {
  const options = () => (zones.includes(props.value) ? zones : [props.value, ...zones]);
  return (
    <For each={options()}>
      {(zone) => (
        <option value={zone} selected={zone === props.value}>
          {zone.replaceAll('_', ' ')}
        </option>
      )}
    </For>
  );
}
