import { addWeeks, format, parseISO } from 'date-fns';
import { type ForecastInputRaw, orgWeek, type ScenarioInput } from '../../shared';
import type { OrgModel } from '../api/types';

/**
 * Monday (ISO date) of the org's current week, which starts at the org's local Monday 00:00
 * whatever the browser's own zone: the start week of every forecast the browser runs.
 */
export const currentMonday = (timeZone: string): string => orgWeek(new Date(), timeZone).monday;

/** Monday `weeks` after `monday`. */
export const mondayPlus = (monday: string, weeks: number): string =>
  format(addWeeks(parseISO(monday), weeks), 'yyyy-MM-dd');

/** Forecast horizon of the browser's forecasts, weeks. */
export const HORIZON_WEEKS = 52;

/**
 * What the worker runs for `scenario` on the org model, with `overrides` of the parameters: the
 * scenario's events and its per-team parameters (a calibration's), as the server forecasts it.
 */
export function engineInput(
  model: OrgModel,
  scenario: ScenarioInput,
  startWeek: string,
  overrides: Partial<OrgModel['parameters']> = {},
): ForecastInputRaw {
  return {
    org: model.org,
    parameters: { ...model.parameters, ...overrides },
    scenario: { name: scenario.name, events: scenario.events ?? [], teamParameters: scenario.teamParameters },
    options: { startWeek, horizonWeeks: HORIZON_WEEKS, seed: 1, thresholds: model.thresholds },
  };
}
