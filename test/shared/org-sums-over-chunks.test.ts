import { describe, expect, it } from 'vitest';
import { runForecast } from '../../shared/index';
import { inputWith, teamsOf } from './fixtures';

describe('org sums of a Monte Carlo forecast over more than one chunk of 256 teams', () => {
  it('give the org the sum of its 300 teams’ headcount and backlog in every week of a one-run forecast', () => {
    const forecast = runForecast(inputWith([], { runs: 1, horizonWeeks: 4 }, teamsOf(300)));
    for (let w = 0; w < 4; w++) {
      const teamsHeadcount = forecast.teams.reduce(
        (sum, team) => sum + team.metrics.headcount.senior!.p50[w]!,
        0,
      );
      expect(forecast.org.metrics.headcount.senior!.p50[w]).toBe(teamsHeadcount);
      const teamsBacklog = forecast.teams.reduce((sum, team) => sum + team.metrics.backlog.p50[w]!, 0);
      expect(forecast.org.metrics.backlog.p50[w]! / teamsBacklog).toBeCloseTo(1, 4);
    }
  });
});
