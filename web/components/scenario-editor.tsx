import { useLocation, useNavigate, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, onCleanup, Show, untrack } from 'solid-js';
import type { ScenarioEventInput } from '../../shared';
import type { OrgModel, ScenarioVersion } from '../api/types';
import { chartEventsOf } from '../charts/chart-events';
import { createEditorForecast } from '../forecast/editor-forecast';
import { currentMonday, engineInput } from '../scenario/editor-input';
import { coalescePerFrame } from '../scenario/frame-coalescer';
import * as levers from '../scenario/levers';
import { type EditorQuery, leverQuery, linkedLevers } from '../scenario/share-query';
import { createUndoHistory } from '../scenario/undo-history';
import { useUnsavedGuard } from '../scenario/unsaved-guard';
import { writeWhenStill } from '../scenario/write-when-still';
import { useStores } from '../stores/context';
import { createForecastRunner } from '../workers/engine-client';
import { EditorToolbar } from './editor-toolbar';
import { EventTimeline } from './event-timeline';
import { ForecastPanel } from './forecast-panel';
import { LeverSliders, type LeverValues } from './lever-sliders';
import { SaveBar } from './save-bar';
import { VersionHistory } from './version-history';

interface ScenarioEditorProps {
  model: OrgModel;
  scenarioId: string | null;
  loaded: ScenarioVersion | null;
}

/** What undo and redo step through; review hours are a what-if on the parameters, not saved. */
interface EditorState {
  name: string;
  events: ScenarioEventInput[];
  reviewHours: number;
}

const MONTE_CARLO_RUNS = 100;
/** The levers' stillness after which the address shows their values, ms. */
const ADDRESS_QUIET_MS = 250;

/** The live editor: levers and timeline on the left, the forecast (mean now, bands when settled) on the right. */
export function ScenarioEditor(props: ScenarioEditorProps) {
  const { session } = useStores();
  const navigate = useNavigate();
  const location = useLocation<{ notice?: string }>();
  const [query, setQuery] = useSearchParams<EditorQuery>();
  const startWeek = currentMonday(session[0].orgTimeZone());
  const levels = () => props.model.org.levels ?? [];
  const canEdit = () => session[0].canEdit();
  /** The scenario before any edit: the saved version, or a new scenario with the sign-off rule on. */
  const initial = props.loaded?.scenario ?? {
    name: 'New scenario',
    events: [levers.signOffEvent(startWeek, levels())],
  };
  const defaultHours = props.model.parameters.reviewHoursPerReviewer;
  const adoptionToday = Math.round(props.model.parameters.baselineAiAdoption * 100);
  const saved: EditorState = {
    name: initial.name,
    events: [...(initial.events ?? [])],
    reviewHours: defaultHours,
  };
  const history = createUndoHistory<EditorState>(saved);
  const state = history.value;

  const valuesOf = (s: EditorState): LeverValues => ({
    aiTarget: levers.aiTarget(s.events, adoptionToday),
    layoffPercent: levers.layoffPercent(s.events),
    reviewHours: s.reviewHours,
    signOff: levers.signOffOn(s.events),
  });
  const withLevers = (s: EditorState, next: Partial<LeverValues>): EditorState => {
    let list = s.events;
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
    return { ...s, events: list, reviewHours: next.reviewHours ?? s.reviewHours };
  };
  /**
   * Puts the lever values in the address once the levers are still, so the address at rest is a
   * share link of what is on screen.
   */
  const showInAddress = writeWhenStill(
    (s: EditorState) => setQuery(leverQuery(valuesOf(s)), { replace: true, scroll: false }),
    ADDRESS_QUIET_MS,
  );
  onCleanup(showInAddress.cancel);
  const update = (next: EditorState) => {
    history.set(next);
    showInAddress(next);
  };
  const step = (move: () => void) => {
    move();
    showInAddress(state());
  };

  /** Lever moves, at most two per animation frame however fast a slider is dragged. */
  const moveLevers = coalescePerFrame((next: Partial<LeverValues>) => update(withLevers(state(), next)));

  const linked = linkedLevers(untrack(() => ({ ...query })));
  if (Object.keys(linked).length > 0) history.set(withLevers(saved, linked));

  /** The name as a memo of its own: the charts' labels read it, and a lever move leaves it as it was. */
  const name = createMemo(() => state().name);
  const scenario = () => ({ name: name(), events: state().events });
  const [leaving, setLeaving] = createSignal(false);
  const unsaved = createMemo(
    () => JSON.stringify(scenario()) !== JSON.stringify({ name: saved.name, events: saved.events }),
  );
  useUnsavedGuard(() => canEdit() && !leaving() && unsaved());

  const onKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    if (!(event.ctrlKey || event.metaKey) || target?.matches('input[type=text], input:not([type]), textarea'))
      return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) step(history.undo);
    else if ((key === 'z' && event.shiftKey) || key === 'y') step(history.redo);
    else return;
    event.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  onCleanup(() => window.removeEventListener('keydown', onKey));

  /** Leaves for `href` without the unsaved-changes question (what was there is saved); `notice` shows there. */
  const leaveFor = (href: string, notice: string) => {
    setLeaving(true);
    showInAddress.cancel();
    navigate(href, { replace: props.scenarioId === null, state: { notice } });
  };
  const hoursQuery = () =>
    state().reviewHours !== defaultHours ? `&hours=${encodeURIComponent(state().reviewHours)}` : '';

  const runner = createEditorForecast({
    input: createMemo(() =>
      engineInput(props.model, scenario(), startWeek, { reviewHoursPerReviewer: state().reviewHours }),
    ),
    saved: props.loaded
      ? {
          model: props.model,
          version: props.loaded,
          startWeek,
          serverOrg: canEdit() ? session[0].orgSlug() : null,
        }
      : null,
    atSaved: createMemo(() => !unsaved() && state().reviewHours === defaultHours),
    runs: MONTE_CARLO_RUNS,
    settleMs: 300,
  });
  const baseline = createForecastRunner(
    createMemo(() => engineInput(props.model, initial, startWeek)),
    { runs: 0, settleMs: 0 },
  );
  const teams = () => props.model.org.teams.map((team) => ({ id: team.id, name: team.name }));
  const events = createMemo(() =>
    chartEventsOf(state().events, new Map(teams().map((team) => [team.id, team.name]))),
  );

  return (
    <div class="editor">
      <div class="editor-controls">
        <div class="panel">
          <label for="scenario-name">Scenario name</label>
          <input
            id="scenario-name"
            value={state().name}
            disabled={!canEdit()}
            onInput={(e) => update({ ...state(), name: e.currentTarget.value })}
          />
          <Show when={props.loaded}>
            {(version) => <p class="note">Version {version().version} of this scenario.</p>}
          </Show>
        </div>
        <EditorToolbar
          canUndo={history.canUndo()}
          canRedo={history.canRedo()}
          onUndo={() => step(history.undo)}
          onRedo={() => step(history.redo)}
          unsaved={canEdit() && unsaved()}
          duplicate={
            canEdit()
              ? {
                  scenario: scenario(),
                  onDone: (id) => leaveFor(`/scenarios/${id}`, 'Duplicated: this is the copy.'),
                }
              : null
          }
          notice={location.state?.notice ?? ''}
        />
        <LeverSliders
          values={valuesOf(state())}
          disabled={!canEdit()}
          onChange={moveLevers}
          onRelease={() => {
            moveLevers.flush();
            runner.startNow();
          }}
        />
        <Show when={state().reviewHours !== defaultHours}>
          <p class="note">
            Review hours per senior is a what-if on the org parameters and is not saved with the scenario.
          </p>
        </Show>
        <Show when={canEdit()} fallback={<p class="note">Viewers can look but not change scenarios.</p>}>
          <SaveBar
            scenarioId={props.scenarioId}
            scenario={scenario()}
            planOfRecord={props.loaded?.planOfRecord ?? false}
            onSaved={(version) =>
              leaveFor(
                `/scenarios/${version.id}?v=${version.version}${hoursQuery()}`,
                `Saved version ${version.version}.`,
              )
            }
          />
        </Show>
        <EventTimeline
          events={state().events}
          teams={teams()}
          levels={levels()}
          startWeek={startWeek}
          editable={canEdit()}
          onChange={(events) => update({ ...state(), events })}
        />
        <Show when={props.loaded}>
          {(version) => <VersionHistory scenarioId={version().id} current={version().version} />}
        </Show>
      </div>
      <ForecastPanel
        runner={runner}
        baseline={baseline.forecast()}
        baselineLabel={
          props.loaded ? `Saved version ${props.loaded.version}` : 'Starting point (sign-off rule only)'
        }
        label={name()}
        runs={MONTE_CARLO_RUNS}
        events={events()}
        teamQuery={
          props.loaded
            ? `?scenario=${encodeURIComponent(props.loaded.id)}&version=${props.loaded.version}`
            : undefined
        }
      />
    </div>
  );
}
