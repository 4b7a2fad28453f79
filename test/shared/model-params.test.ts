import { describe, expect, it } from 'vitest';
import { drawParams, drawSlots, teamParamDrawer, teamParameters } from '../../shared/engine/model-params';
import { PARAMETER_STREAM, streamRng } from '../../shared/engine/rng';
import { forecastInputSchema, parameterNames, parametersSchema } from '../../shared/index';
import { inputWith, teamsOf } from './fixtures';

describe('parameter draws', () => {
  it('give each name one slot: the ranged names first, then the others, each in parameterNames order', () => {
    const parameters = parametersSchema.parse({
      uncertainty: { fatigueGain: [0.5, 1.5], humanReviewHours: [0.7, 1.4] },
    });
    expect(drawSlots(parameters)).toEqual([
      'humanReviewHours',
      'fatigueGain',
      ...parameterNames.filter((name) => name !== 'humanReviewHours' && name !== 'fatigueGain'),
    ]);
  });

  // medianOneTriangular(u, low, high): low + (1 - low) sqrt(2u) below u = 0.5, so u = 0.125 is
  // halfway from low to 1; u = 1 is high.
  it('multiply each ranged value by its median-one triangular draw and keep shares within 1', () => {
    const parameters = parametersSchema.parse({
      humanReviewHours: 0.8,
      shrinkage: 0.13,
      aiAssistedShare: 0.8,
      uncertainty: { humanReviewHours: [0.5, 2], shrinkage: [0.5, 1.5], aiAssistedShare: [0.5, 1.5] },
    });
    const u = { humanReviewHours: 0.125, shrinkage: 1, aiAssistedShare: 1 } as Record<string, number>;
    const drawn = drawParams(parameters, (name) => u[name]!);
    expect(drawn.humanReviewHours).toBeCloseTo(0.8 * 0.75, 12);
    expect(drawn.shrinkage).toBeCloseTo(0.13 * 1.5, 12);
    expect(drawn.aiAssistedShare).toBe(1);
    expect(drawn.incidentHours).toBe(6);
    expect(drawn).not.toHaveProperty('uncertainty');
  });

  it('share the org’s draw among teams without an override, and draw a team’s own from the same uniforms', () => {
    const teams = teamsOf(3).map((team, i) =>
      i === 2 ? { ...team, parameters: { incidentHours: 3 } } : team,
    );
    const input = forecastInputSchema.parse({
      ...inputWith([], { runs: 2 }, teams),
      parameters: { uncertainty: { incidentHours: [0.5, 2] } },
    });
    const [first, second, own] = teamParamDrawer(input, teamParameters(input))(1);
    expect(second).toBe(first);
    expect(own!.incidentHours / 3).toBeCloseTo(first!.incidentHours / 6, 12);
  });

  it("draw a run's ranged parameters from the uniforms of its parameter stream, in slot order", () => {
    const input = forecastInputSchema.parse({
      ...inputWith([], { runs: 3, seed: 7 }, teamsOf(2)),
      parameters: { uncertainty: { fatigueGain: [0.5, 1.5], humanReviewHours: [0.5, 2] } },
    });
    const [org] = teamParamDrawer(input, teamParameters(input))(2);
    const rng = streamRng(7, 2, PARAMETER_STREAM);
    const [first, second] = [rng.next(), rng.next()];
    const triangular = (v: number, low: number, high: number) =>
      v < 0.5 ? low + (1 - low) * Math.sqrt(2 * v) : high - (high - 1) * Math.sqrt(2 - 2 * v);
    expect(org!.humanReviewHours).toBeCloseTo(0.8 * triangular(first, 0.5, 2), 12);
    expect(org!.fatigueGain).toBeCloseTo(0.08 * triangular(second, 0.5, 1.5), 12);
  });
});
