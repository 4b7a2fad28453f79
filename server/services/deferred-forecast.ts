import { largeOrgTeams } from '../../shared/contract/dashboard-view';
import type { ForecastJob } from '../../shared/contract/forecast-job';
import type { ForecastInput } from '../../shared/index';
import type { Actor } from './audit';
import type { ForecastJobs } from './forecast-jobs';
import type { ForecastOrg, ForecastRequest } from './forecasts';

/** A forecast handed to a background job instead of computed within the request: the job to follow. */
export class ForecastDeferred extends Error {
  constructor(readonly job: ForecastJob) {
    super('The forecast is computed in the background.');
  }
}

/**
 * A beforeCompute hook (see ForecastContext) for requests that must not wait for a large org's
 * engine run: when the run of an org of more than {@link largeOrgTeams} teams is not stored, it
 * is computed by a background job (the one already queued or running for it, else a new one) and
 * the request ends with {@link ForecastDeferred}. Smaller orgs compute within the request.
 */
export const deferLargeRuns =
  (jobs: ForecastJobs, org: ForecastOrg, actor: Actor) =>
  async (input: ForecastInput, request: ForecastRequest): Promise<void> => {
    if (input.org.teams.length <= largeOrgTeams) return;
    throw new ForecastDeferred(await jobs.ensure(org, actor, request));
  };
