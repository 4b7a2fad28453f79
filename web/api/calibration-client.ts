import type { Calibration } from '../../shared/contract/calibration';
import { request } from './client';
import type { ScenarioVersion } from './types';

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
