import { createSignal, For, Show } from 'solid-js';
import {
  type AlertRuleInput,
  alertComparators,
  alertMetricKeys,
  alertMetricWords,
  alertRuleInputSchema,
  alertRulePatchSchema,
  comparatorWords,
  formatIssues,
} from '../../../shared';
import type { AlertRule } from '../../api/alerts-client';
import { ApiError } from '../../api/api-error';
import type { Team } from '../../api/types';
import { ErrorMessage } from '../states';
import { RulePreview } from './rule-preview';
import { TeamPicker } from './team-picker';
import { browserZone, TimeZoneOptions } from './time-zone-select';

/** What the form reads: a full rule (a blank secret on edit keeps the current one). */
type Draft = Omit<Required<AlertRuleInput>, 'webhook' | 'teams' | 'paused'> & {
  teams: string[] | null;
  webhook: { url: string; secret: string };
};

function readForm(form: HTMLFormElement): Draft {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const teams = data.getAll('teams').map(String);
  return {
    name: text('name'),
    metric: text('metric') as Draft['metric'],
    percentile: text('percentile') as 'P50' | 'P90',
    comparator: text('comparator') as Draft['comparator'],
    threshold: Number(text('threshold')),
    lookaheadWeeks: Number(text('lookaheadWeeks')),
    schedule: text('schedule'),
    timezone: text('timezone'),
    webhook: { url: text('url'), secret: text('secret') },
    format: text('format') as 'json' | 'slack',
    cooldownHours: Number(text('cooldownHours') || '0'),
    digest: data.get('digest') === 'on',
    teams: teams.length ? teams : null,
  };
}

/** Edit sends every field; a blank secret is left out so the current one stays. */
const asPatch = (draft: Draft) => ({
  ...draft,
  webhook: draft.webhook.secret ? draft.webhook : { url: draft.webhook.url },
});

const defaults: Draft = {
  name: '',
  metric: 'backlogWeeks',
  percentile: 'P90',
  comparator: '>',
  threshold: 2,
  lookaheadWeeks: 8,
  schedule: '0 9 * * 1-5',
  timezone: browserZone,
  webhook: { url: '', secret: '' },
  format: 'json',
  cooldownHours: 0,
  digest: false,
  teams: null,
};

/**
 * The rule form, for a new rule or to edit `rule`: checked first against the API's own schema
 * (shared/contract/alerts.ts), so a bad field shows the API's message without a request. The rule
 * reads back in words with its next checks in its time zone as it is typed.
 */
export function RuleForm(props: {
  teams: Team[];
  rule?: AlertRule;
  onSubmit: (input: AlertRuleInput | ReturnType<typeof asPatch>) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const initial: Draft = props.rule
    ? { ...defaults, ...props.rule, webhook: { url: props.rule.webhook.url, secret: '' } }
    : defaults;
  const [draft, setDraft] = createSignal(initial);
  const [error, setError] = createSignal<unknown>(null);
  const [busy, setBusy] = createSignal(false);
  const names = () => new Map(props.teams.map((t) => [t.id, t.name]));
  const editing = props.rule !== undefined;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const input = readForm(form);
    const body = editing ? asPatch(input) : input;
    const checked = (editing ? alertRulePatchSchema : alertRuleInputSchema).safeParse(body);
    if (!checked.success) {
      setError(
        new ApiError(422, 'Unprocessable Content', 'The rule is not valid.', formatIssues(checked.error)),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(body);
      if (!editing) {
        form.reset();
        setDraft(defaults);
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const title = editing ? `Edit rule ${props.rule?.name}` : 'New alert rule';
  return (
    <form
      class="panel form-grid rule-form"
      aria-label={title}
      onSubmit={(e) => void submit(e)}
      onInput={(e) => setDraft(readForm(e.currentTarget))}
      onChange={(e) => setDraft(readForm(e.currentTarget))}
    >
      <h3>{editing ? `Edit “${props.rule?.name}”` : 'New rule'}</h3>
      <label>
        Name{' '}
        <input
          name="name"
          required
          maxLength={120}
          placeholder="Backlog above two weeks"
          value={initial.name}
        />
      </label>
      <TeamPicker name="teams" teams={props.teams} selected={initial.teams ?? null} />
      <label>
        Metric
        <select name="metric">
          <For each={alertMetricKeys}>
            {(m) => (
              <option value={m} selected={m === initial.metric}>
                {alertMetricWords[m].label} ({alertMetricWords[m].unit})
              </option>
            )}
          </For>
        </select>
      </label>
      <label>
        Percentile
        <select name="percentile">
          <option value="P90" selected={initial.percentile === 'P90'}>
            P90 (pessimistic)
          </option>
          <option value="P50" selected={initial.percentile === 'P50'}>
            P50 (median)
          </option>
        </select>
      </label>
      <label>
        Comparator
        <select name="comparator">
          <For each={alertComparators}>
            {(c) => (
              <option value={c} selected={c === initial.comparator}>
                {comparatorWords[c]} ({c})
              </option>
            )}
          </For>
        </select>
      </label>
      <label>
        Threshold <input name="threshold" type="number" step="any" required value={initial.threshold} />
      </label>
      <label>
        Look-ahead (weeks){' '}
        <input
          name="lookaheadWeeks"
          type="number"
          min="1"
          max="260"
          required
          value={initial.lookaheadWeeks}
        />
      </label>
      <label>
        Schedule (cron) <input name="schedule" required value={initial.schedule} />
      </label>
      <label>
        Time zone{' '}
        <select name="timezone" aria-label="Time zone">
          <TimeZoneOptions value={initial.timezone} />
        </select>
      </label>
      <label>
        Webhook URL{' '}
        <input
          name="url"
          type="url"
          required
          placeholder="https://hooks.example.com/reviewload"
          value={initial.webhook.url}
        />
      </label>
      <label>
        {editing ? 'Webhook secret (blank keeps the current one)' : 'Webhook secret'}{' '}
        <input name="secret" type="password" required={!editing} minLength={16} autocomplete="off" />
      </label>
      <label>
        Payload
        <select name="format">
          <option value="json" selected={initial.format === 'json'}>
            JSON
          </option>
          <option value="slack" selected={initial.format === 'slack'}>
            Slack-compatible
          </option>
        </select>
      </label>
      <label>
        Cooldown (hours){' '}
        <input name="cooldownHours" type="number" min="0" step="any" value={initial.cooldownHours} />
      </label>
      <label class="checkbox">
        <input name="digest" type="checkbox" checked={initial.digest} /> One message per check listing every
        team (digest), not one per team
      </label>
      <RulePreview
        condition={draft()}
        schedule={draft().schedule}
        timezone={draft().timezone}
        names={names()}
        now={new Date()}
      />
      <Show when={error()}>
        <ErrorMessage error={error()} />
      </Show>
      <div class="actions">
        <button type="submit" disabled={busy()}>
          {busy() ? 'Saving…' : editing ? 'Save rule' : 'Create rule'}
        </button>
        <Show when={props.onCancel}>
          <button type="button" class="secondary" onClick={() => props.onCancel?.()}>
            Cancel
          </button>
        </Show>
      </div>
    </form>
  );
}
