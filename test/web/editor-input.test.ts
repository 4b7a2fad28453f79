import { describe, expect, it } from 'vitest';
import {
  defaultParameters,
  forecastInputSchema,
  type OrgModel,
  runMeanPath,
  type ScenarioInput,
  thresholdsSchema,
} from '../../shared';
import { engineInput } from '../../web/scenario/editor-input';

/** Two teams of a two-rung ladder; team "b" is calibrated by the scenario. */
const model: OrgModel = {
  org: {
    name: 'Org',
    levels: [
      { id: 'dev', name: 'Developer', canSignOff: false, changesPerWeek: 3 },
      { id: 'lead', name: 'Lead', canSignOff: true, changesPerWeek: 1 },
    ],
    teams: [
      { id: 'a', name: 'A', headcount: { dev: 6, lead: 2 } },
      { id: 'b', name: 'B', headcount: { dev: 6, lead: 2 } },
    ],
  },
  parameters: defaultParameters,
  thresholds: thresholdsSchema.parse({}),
};

const calibrated: ScenarioInput = {
  name: 'calibrated',
  events: [],
  teamParameters: { b: { parameters: { humanReviewHours: 2 }, changesPerWeek: { dev: 5 } } },
};

describe('browser engine input', () => {
  it("carries the scenario's per-team parameters, as the server's forecast does", () => {
    const input = forecastInputSchema.parse(engineInput(model, calibrated, '2026-01-05'));
    const b = input.org.teams.find((team) => team.id === 'b')!;
    expect(b.parameters?.humanReviewHours).toBe(2);
    expect(b.changesPerWeek).toEqual({ dev: 5 });
    expect(input.org.teams.find((team) => team.id === 'a')!.parameters).toBeUndefined();
  });

  it("gives the calibrated team the server's mean path, not the org defaults'", () => {
    const browser = runMeanPath(forecastInputSchema.parse(engineInput(model, calibrated, '2026-01-05')));
    const server = runMeanPath(
      forecastInputSchema.parse({
        org: model.org,
        parameters: model.parameters,
        scenario: calibrated,
        options: { startWeek: '2026-01-05', horizonWeeks: 52, seed: 1, thresholds: model.thresholds },
      }),
    );
    expect(browser.teams[1]!.metrics.signoffDemand.p50).toEqual(server.teams[1]!.metrics.signoffDemand.p50);
    expect(browser.teams[1]!.metrics.meanWaitHours.p50).toEqual(server.teams[1]!.metrics.meanWaitHours.p50);
    // 6 developers x 5 changes, all to sign-off at the default ordinary share 0.55, against 6 x 3.
    expect(
      browser.teams[1]!.metrics.signoffDemand.p50[0]! / browser.teams[0]!.metrics.signoffDemand.p50[0]!,
    ).toBeCloseTo(5 / 3, 6);
  });
});
