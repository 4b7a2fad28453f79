import { createSignal, For, Show } from 'solid-js';
import {
  type AlertRuleInput,
  alertComparators,
  alertMetricKeys as alertMetrics,
  alertRuleInputSchema,
  formatIssues,
} from '../../../shared';
import { ApiError } from '../../api/api-error';
import type { Team } from '../../api/types';
import { ErrorMessage } from '../states';

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * The create-rule form: checked first against the API's own schema (shared/contract/alerts.ts),
 * so a bad field shows the API's message without a request; the server also checks the schedule
 * and time zone, and its problems are shown as they come.
 */
export function RuleForm(props: { teams: Team[]; onCreate: (input: AlertRuleInput) => Promise<unknown> }) {
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const teams = data.getAll('teams').map(String);
    const input: AlertRuleInput = {
      name: text('name'),
      metric: text('metric') as AlertRuleInput['metric'],
      percentile: text('percentile') as 'P50' | 'P90',
      comparator: text('comparator') as AlertRuleInput['comparator'],
      threshold: Number(text('threshold')),
      lookaheadWeeks: Number(text('lookaheadWeeks')),
      schedule: text('schedule'),
      timezone: text('timezone'),
      webhook: { url: text('url'), secret: text('secret') },
      format: text('format') as 'json' | 'slack',
      cooldownHours: Number(text('cooldownHours') || '0'),
      teams: teams.length ? teams : null,
    };
    const checked = alertRuleInputSchema.safeParse(input);
    if (!checked.success) {
      setError(
        new ApiError(422, 'Unprocessable Content', 'The rule is not valid.', formatIssues(checked.error)),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.onCreate(input);
      form.reset();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="panel form-grid" aria-label="New alert rule" onSubmit={(e) => void submit(e)}>
      <h3>New rule</h3>
      <label>
        Name <input name="name" required maxLength={120} placeholder="Backlog above two weeks" />
      </label>
      <label>
        Teams (none selected: every team)
        <select name="teams" multiple size={4}>
          <For each={props.teams}>{(team) => <option value={team.id}>{team.name}</option>}</For>
        </select>
      </label>
      <label>
        Metric
        <select name="metric">
          <For each={alertMetrics}>{(m) => <option value={m}>{m}</option>}</For>
        </select>
      </label>
      <label>
        Percentile
        <select name="percentile">
          <option value="P90">P90 (pessimistic)</option>
          <option value="P50">P50 (median)</option>
        </select>
      </label>
      <label>
        Comparator
        <select name="comparator">
          <For each={alertComparators}>{(c) => <option value={c}>{c}</option>}</For>
        </select>
      </label>
      <label>
        Threshold <input name="threshold" type="number" step="any" required value="2" />
      </label>
      <label>
        Look-ahead (weeks) <input name="lookaheadWeeks" type="number" min="1" max="260" required value="8" />
      </label>
      <label>
        Schedule (cron) <input name="schedule" required value="0 9 * * 1-5" />
      </label>
      <label>
        Time zone <input name="timezone" required value={browserZone} />
      </label>
      <label>
        Webhook URL{' '}
        <input name="url" type="url" required placeholder="https://hooks.example.com/reviewload" />
      </label>
      <label>
        Webhook secret <input name="secret" type="password" required minLength={16} autocomplete="off" />
      </label>
      <label>
        Payload
        <select name="format">
          <option value="json">JSON</option>
          <option value="slack">Slack-compatible</option>
        </select>
      </label>
      <label>
        Cooldown (hours) <input name="cooldownHours" type="number" min="0" step="any" value="0" />
      </label>
      <Show when={error()}>
        <ErrorMessage error={error()} />
      </Show>
      <button type="submit" disabled={busy()}>
        {busy() ? 'Creating…' : 'Create rule'}
      </button>
    </form>
  );
}
