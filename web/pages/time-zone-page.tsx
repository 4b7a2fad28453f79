import { TZDate } from '@date-fns/tz';
import { A } from '@solidjs/router';
import { format } from 'date-fns';
import { createSignal, Show } from 'solid-js';
import { isTimeZone, orgWeek } from '../../shared';
import { ErrorMessage } from '../components/states';
import { TimeZonePicker } from '../components/time-zone-picker';
import { useStores } from '../stores/context';

/** "Monday 30 November 2026 at 00:00 in Pacific/Auckland (Sunday 29 November 2026 at 11:00 UTC)". */
const weekStartWords = (zone: string, now: Date): string => {
  const { startsAt } = orgWeek(now, zone);
  const words = (timeZone: string) =>
    format(new TZDate(startsAt.getTime(), timeZone), "EEEE d MMMM yyyy 'at' HH:mm");
  return zone === 'UTC' ? `${words(zone)} UTC` : `${words(zone)} in ${zone} (${words('UTC')} UTC)`;
};

/**
 * The org's time zone: forecasts, reports and history weeks start at its local Monday 00:00, on
 * the server and in this browser alike (the same date-fns code, shared/calendar/org-week.ts).
 * Admins change it; the preview shows when the current week began there.
 */
export function TimeZonePage() {
  const [state, actions] = useStores().session;
  const [zone, setZone] = createSignal(state.orgTimeZone());
  const [message, setMessage] = createSignal<string | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const isAdmin = () => state.role() === 'admin';
  const valid = () => isTimeZone(zone());
  const save = async () => {
    setMessage(null);
    setError(null);
    try {
      await actions.setOrgTimeZone(zone());
      setMessage(`Saved. Weeks now start on Monday 00:00 in ${zone()}.`);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section class="page">
      <h2>Org time zone</h2>
      <p class="muted">
        Forecast, report and history weeks start on Monday 00:00 in this zone, whatever the zone of the
        browser or server. See also the <A href="/settings/thresholds">breach thresholds</A>.
      </p>
      <form
        class="panel time-zone-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid()) void save();
        }}
      >
        <label for="org-time-zone">Time zone (IANA name, e.g. Europe/Rome)</label>
        <TimeZonePicker
          id="org-time-zone"
          value={zone()}
          disabled={!isAdmin()}
          invalid={!valid()}
          describedBy="org-time-zone-note"
          onInput={(next) => {
            setMessage(null);
            setZone(next);
          }}
        />
        <p id="org-time-zone-note" class="muted" aria-live="polite">
          {valid()
            ? `This week began ${weekStartWords(zone(), new Date())}.`
            : 'Not a time zone this browser knows: pick one from the list, e.g. Europe/Rome or UTC.'}
        </p>
        <Show when={isAdmin()} fallback={<p class="muted">Only admins change the time zone.</p>}>
          <div class="actions">
            <button type="submit" disabled={!valid() || zone() === state.orgTimeZone()}>
              Save time zone
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
    </section>
  );
}
