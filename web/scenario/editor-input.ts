import { addWeeks, format, parseISO, startOfISOWeek } from 'date-fns';
import type { ForecastInputRaw, ScenarioInput } from '../../shared';
import type { OrgModel } from '../api/types';

/** Monday (ISO date) of the current week: the start week of every forecast the browser runs. */
export const currentMonday = (today: string): string => format(startOfISOWeek(parseISO(today)), 'yyyy-MM-dd');

/** Monday `weeks` after `monday`. */
export const mondayPlus = (monday: string, weeks: number): string =>
  format(addWeeks(parseISO(monday), weeks), 'yyyy-MM-dd');

/** Forecast horizon of the browser's forecasts, weeks. */
export const HORIZON_WEEKS = 52;

/** What the worker runs for `scenario` on the org model, with `overrides` of the parameters. */
export function engineInput(
  model: OrgModel,
  scenario: ScenarioInput,
  startWeek: string,
  overrides: Partial<OrgModel['parameters']> = {},
): ForecastInputRaw {
  return {
    org: model.org,
    parameters: { ...model.parameters, ...overrides },
    scenario: { name: scenario.name, events: scenario.events ?? [] },
    options: { startWeek, horizonWeeks: HORIZON_WEEKS, seed: 1 },
  };
}
