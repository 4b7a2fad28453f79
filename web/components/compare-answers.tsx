import { createSignal, For, Show } from 'solid-js';
import type { TeamAnswer } from '../../shared';
import { rowOfAnswer } from '../answers/answer-rows';
import type { ScenarioVersion } from '../api/types';
import { TeamAnswersTable } from './team-answers-table';

/**
 * The team answers of one compared version at a time (a picker chooses which), from the same
 * forecasts the charts show (`sources` names each); the team links open the version's stored forecast.
 */
export function CompareAnswers(props: {
  versions: ScenarioVersion[];
  answers: (TeamAnswer[] | null)[];
  sources: string[];
  /** Per version: what shows while its answers are null (they follow, or why they do not). */
  pending: string[];
}) {
  const [chosen, setChosen] = createSignal(0);
  const index = () => Math.min(chosen(), props.versions.length - 1);
  const name = (v: ScenarioVersion) => `${v.scenario.name} v${v.version}`;
  return (
    <div class="compare-answers">
      <label for="compare-answers-of">Team answers for</label>{' '}
      <select
        id="compare-answers-of"
        value={index()}
        onChange={(event) => setChosen(Number(event.currentTarget.value))}
      >
        <For each={props.versions}>{(v, i) => <option value={i()}>{name(v)}</option>}</For>
      </select>
      <Show when={props.answers[index()]} fallback={<p class="muted">{props.pending[index()]}</p>}>
        {(answers) => (
          <TeamAnswersTable
            title={`Team answers: ${name(props.versions[index()]!)}`}
            rows={answers().map(rowOfAnswer)}
            source={`P50 of ${name(props.versions[index()]!)}: ${props.sources[index()] ?? ''}`}
            query={`?scenario=${encodeURIComponent(props.versions[index()]!.id)}&version=${props.versions[index()]!.version}`}
          />
        )}
      </Show>
    </div>
  );
}
