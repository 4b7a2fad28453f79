import { createMemo, createSignal, Show } from 'solid-js';
import type { ScenarioEventInput } from '../../shared';
import type { OrgModel, ScenarioVersion } from '../api/types';
import { currentMonday, engineInput } from '../scenario/editor-input';
import * as levers from '../scenario/levers';
import { useStores } from '../stores/context';
import { createForecastRunner } from '../workers/engine-client';
import { EventTimeline } from './event-timeline';
import { ForecastPanel } from './forecast-panel';
import { LeverSliders, type LeverValues } from './lever-sliders';
import { SaveBar } from './save-bar';

interface ScenarioEditorProps {
  model: OrgModel;
  scenarioId: string | null;
  loaded: ScenarioVersion | null;
}

const MONTE_CARLO_RUNS = 100;

/** The live editor: levers and timeline on the left, the forecast (mean now, bands when settled) on the right. */
export function ScenarioEditor(props: ScenarioEditorProps) {
  const { session } = useStores();
  const startWeek = currentMonday(session[0].orgTimeZone());
  const levels = () => props.model.org.levels ?? [];
  /** The scenario before any edit: the saved version, or a new scenario with the sign-off rule on. */
  const initial = props.loaded?.scenario ?? {
    name: 'New scenario',
    events: [levers.signOffEvent(startWeek, levels())],
  };
  const [events, setEvents] = createSignal<ScenarioEventInput[]>([...(initial.events ?? [])]);
  const [name, setName] = createSignal(initial.name);
  const [reviewHours, setReviewHours] = createSignal(props.model.parameters.reviewHoursPerReviewer);
  const adoptionToday = Math.round(props.model.parameters.baselineAiAdoption * 100);

  const values = (): LeverValues => ({
    aiTarget: levers.aiTarget(events(), adoptionToday),
    layoffPercent: levers.layoffPercent(events()),
    reviewHours: reviewHours(),
    signOff: levers.signOffOn(events()),
  });
  const setLevers = (next: Partial<LeverValues>) => {
    let list = events();
    const at = (id: string) => levers.leverDate(list, id, startWeek);
    if (next.aiTarget !== undefined)
      list = levers.putLever(
        list,
        levers.leverIds.aiAdoption,
        levers.aiAdoptionEvent(at(levers.leverIds.aiAdoption), next.aiTarget),
      );
    if (next.layoffPercent !== undefined)
      list = levers.putLever(
        list,
        levers.leverIds.layoff,
        next.layoffPercent > 0 ? levers.layoffEvent(at(levers.leverIds.layoff), next.layoffPercent) : null,
      );
    if (next.signOff !== undefined)
      list = levers.putLever(
        list,
        levers.leverIds.signOff,
        next.signOff ? levers.signOffEvent(at(levers.leverIds.signOff), levels()) : null,
      );
    if (next.reviewHours !== undefined) setReviewHours(next.reviewHours);
    setEvents(list);
  };

  const scenario = () => ({ name: name(), events: events() });
  const runner = createForecastRunner(
    createMemo(() =>
      engineInput(props.model, scenario(), startWeek, { reviewHoursPerReviewer: reviewHours() }),
    ),
    { runs: MONTE_CARLO_RUNS, settleMs: 300 },
  );
  const baseline = createForecastRunner(
    createMemo(() => engineInput(props.model, initial, startWeek)),
    { runs: 0, settleMs: 0 },
  );
  const teams = () => props.model.org.teams.map((team) => ({ id: team.id, name: team.name }));

  return (
    <div class="editor">
      <div class="editor-controls">
        <div class="panel">
          <label for="scenario-name">Scenario name</label>
          <input
            id="scenario-name"
            value={name()}
            disabled={!session[0].canEdit()}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </div>
        <LeverSliders values={values()} disabled={!session[0].canEdit()} onChange={setLevers} />
        <Show when={reviewHours() !== props.model.parameters.reviewHoursPerReviewer}>
          <p class="note">
            Review hours per senior is a what-if on the org parameters and is not saved with the scenario.
          </p>
        </Show>
        <Show
          when={session[0].canEdit()}
          fallback={<p class="note">Viewers can look but not change scenarios.</p>}
        >
          <SaveBar
            scenarioId={props.scenarioId}
            scenario={scenario()}
            planOfRecord={props.loaded?.planOfRecord ?? false}
          />
        </Show>
        <EventTimeline
          events={events()}
          teams={teams()}
          levels={levels()}
          startWeek={startWeek}
          editable={session[0].canEdit()}
          onChange={setEvents}
        />
      </div>
      <ForecastPanel
        runner={runner}
        baseline={baseline.forecast()}
        baselineLabel={
          props.loaded ? `Saved version ${props.loaded.version}` : 'Starting point (sign-off rule only)'
        }
        label={name()}
        reviewersNeeded={runner.reviewersNeeded()}
        runs={MONTE_CARLO_RUNS}
      />
    </div>
  );
}
