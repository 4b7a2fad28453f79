import { createEffect, createSignal, on } from 'solid-js';
import { createStore, produce, reconcile } from 'solid-js/store';
import type { Level } from '../../shared';
import { type OrgView, settingsApi } from '../api/settings-client';
import { createAction } from './action';
import { ActionOutcome } from './action-outcome';
import { DataTable } from './data-table';

/** A ladder as the form edits it: the display name may be blank (then the id is shown). */
const toLevels = (rows: readonly Level[]): Level[] =>
  rows.map(({ name, ...rest }) => ({ ...rest, ...(name?.trim() ? { name: name.trim() } : {}) }));

/**
 * The level ladder, most junior first: ids, display names, authoring rates and which levels may
 * sign off, reordered with the arrows. Saving sends the whole ladder; the server refuses to drop
 * a level the roster, a team or a scenario still uses, and the error names each use.
 */
export function LadderEditor(props: { slug: string; org: OrgView; onSaved: (org: OrgView) => void }) {
  const [rows, setRows] = createStore<Level[]>([]);
  const [saved, setSaved] = createSignal<string | null>(null);
  const action = createAction();
  createEffect(
    on(
      () => props.org.levels,
      (levels) => setRows(reconcile(levels.map((l) => ({ ...l })))),
    ),
  );
  const move = (from: number, to: number) =>
    setRows(
      produce((list) => {
        const [level] = list.splice(from, 1);
        if (level) list.splice(to, 0, level);
      }),
    );
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(null);
    const org = await action.run(() => settingsApi.saveLevels(props.slug, toLevels(rows)));
    if (!org) return;
    setSaved(`Ladder saved (model revision ${org.modelRevision}); forecasts are recomputed with it.`);
    props.onSaved(org);
  };
  return (
    <form class="panel" aria-labelledby="ladder-title" onSubmit={(e) => void save(e)}>
      <h3 id="ladder-title">Level ladder</h3>
      <p class="muted">
        Most junior first. Levels that may sign off approve the changes that need senior sign-off.
      </p>
      <DataTable
        label="Level ladder"
        columns={['Id', 'Display name', 'Changes per week', 'May sign off']}
        actions
        items={rows}
        row={(level, index) => (
          <tr>
            <td>
              <input
                aria-label={`Id of level ${index() + 1}`}
                value={level.id}
                required
                pattern="[A-Za-z0-9_.\-]{1,64}"
                size={10}
                onInput={(e) => setRows(index(), 'id', e.currentTarget.value)}
              />
            </td>
            <td>
              <input
                aria-label={`Display name of level ${index() + 1}`}
                value={level.name ?? ''}
                maxLength={120}
                size={12}
                onInput={(e) => setRows(index(), 'name', e.currentTarget.value)}
              />
            </td>
            <td>
              <input
                aria-label={`Changes per week of level ${index() + 1}`}
                type="number"
                min="0"
                max="50"
                step="0.1"
                value={level.changesPerWeek}
                onInput={(e) => setRows(index(), 'changesPerWeek', e.currentTarget.valueAsNumber)}
              />
            </td>
            <td>
              <input
                aria-label={`Level ${index() + 1} may sign off`}
                type="checkbox"
                checked={level.canSignOff}
                onChange={(e) => setRows(index(), 'canSignOff', e.currentTarget.checked)}
              />
            </td>
            <td class="row-actions">
              <button
                type="button"
                class="secondary"
                aria-label={`Move ${level.id || 'level'} up`}
                disabled={index() === 0}
                onClick={() => move(index(), index() - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                class="secondary"
                aria-label={`Move ${level.id || 'level'} down`}
                disabled={index() === rows.length - 1}
                onClick={() => move(index(), index() + 1)}
              >
                ↓
              </button>
              <button
                type="button"
                class="secondary"
                aria-label={`Remove ${level.id || 'level'}`}
                onClick={() => setRows(produce((list) => list.splice(index(), 1)))}
              >
                Remove
              </button>
            </td>
          </tr>
        )}
      />
      <div class="actions">
        <button
          type="button"
          class="secondary"
          disabled={rows.length >= 12}
          onClick={() => setRows(rows.length, { id: '', name: '', canSignOff: false, changesPerWeek: 3 })}
        >
          Add level
        </button>
        <button type="submit" disabled={action.busy()}>
          {action.busy() ? 'Saving…' : 'Save ladder'}
        </button>
      </div>
      <ActionOutcome action={action} saved={saved()} />
    </form>
  );
}
