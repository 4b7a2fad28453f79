import { request } from './client';
import type { ScenarioVersion } from './types';

/** Forecast error of one metric (over all horizons, or at one). */
export interface ErrorScore {
  points: number;
  mape: number | null;
  mapeKind: 'mape' | 'smape';
  medianError?: number | null;
  mase: number | null;
  coverage: number | null;
}

/** One backtest origin's forecast beside what happened. */
export interface BacktestFan {
  origin: string;
  weeks: string[];
  metrics: Record<string, { mean: number[]; p10: number[]; p90: number[]; actual: (number | null)[] }>;
}

/** A stored calibration, as POST/GET /calibrations answer. */
export interface Calibration {
  id: string;
  team: string | null;
  fitted: Record<string, { value: number; low: number; high: number }>;
  /** Weeks the fit read (calibrations stored before it lack it). */
  fitWeeks?: number;
  defaults: string[];
  backtest: {
    origins: number;
    horizonWeeks: number;
    metrics: Record<string, ErrorScore & { byHorizon: Record<string, ErrorScore> }>;
    fan: BacktestFan | null;
    /** Every origin's fan, oldest first (calibrations stored before it lack it). */
    fans?: BacktestFan[];
  };
  provenance: { changes: number; from: string | null; to: string | null };
}

/** POST /calibrations: calibrates `team` (null: the whole org) and stores it. */
export const calibrateTeam = (org: string, team: string | null): Promise<Calibration> =>
  request<Calibration>('POST', `/orgs/${encodeURIComponent(org)}/calibrations`, {
    body: team ? { team } : {},
  });

/** POST /calibrations/{id}/accept: the scenario's next version, with the team's fitted parameters. */
export const acceptCalibration = (
  org: string,
  id: string,
  scenario: string,
  version: number,
): Promise<ScenarioVersion> =>
  request<ScenarioVersion>(
    'POST',
    `/orgs/${encodeURIComponent(org)}/calibrations/${encodeURIComponent(id)}/accept`,
    { body: { scenario, version } },
  );
