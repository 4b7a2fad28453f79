import { For, Show } from 'solid-js';
import {
  type AlertConditionWords,
  describeAlertCondition,
  describeSchedule,
  isTimeZone,
  nextScheduleTimes,
  scheduleProblem,
  zonedTimeLabel,
} from '../../../shared';

/** How many upcoming slots the preview lists. */
const slots = 5;

/** What a rule says in words and when it runs next, in the rule's own time zone. */
export function RulePreview(props: {
  condition: AlertConditionWords;
  schedule: string;
  timezone: string;
  names: ReadonlyMap<string, string>;
  paused?: boolean;
  /** The server's next slots (ISO); computed from `now` when absent. */
  runs?: string[];
  now: Date;
}) {
  const problem = () =>
    isTimeZone(props.timezone) ? scheduleProblem(props.schedule, props.timezone) : 'unknown time zone';
  const runs = () =>
    props.runs?.map((iso) => new Date(iso)) ??
    (problem() ? [] : nextScheduleTimes(props.schedule, props.timezone, props.now, slots));
  return (
    <section class="rule-preview" aria-label="Rule in words">
      <p class="rule-words">{describeAlertCondition(props.condition, props.names)}.</p>
      <Show when={!problem()} fallback={<p class="field-error">Schedule: {problem()}</p>}>
        <p>
          Checked {describeSchedule(props.schedule, props.timezone)}
          <Show when={props.paused}> (paused: no scheduled checks until resumed)</Show>.
        </p>
        <Show when={!props.paused}>
          <p class="muted">Next checks ({props.timezone}):</p>
          <ol class="next-runs" aria-label="Next checks">
            <For each={runs()}>{(run) => <li>{zonedTimeLabel(run, props.timezone)}</li>}</For>
          </ol>
        </Show>
      </Show>
    </section>
  );
}
