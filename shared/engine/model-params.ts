import type { ForecastInput } from '../schemas/forecast-input';
import {
  isFractionParameter,
  type ParameterName,
  type Parameters,
  parameterNames,
  withOverrides,
} from '../schemas/parameters';
import { medianOneTriangular } from './distributions';
import { PARAMETER_STREAM, streamRng } from './rng';

/**
 * Parameter values for one run (no uncertainty ranges) and, for a team with ranged change rates,
 * `changeRateScale`: the run's multiplier of each level's rate (by ladder index; absent: all 1).
 */
export type ModelParams = Omit<Parameters, 'uncertainty'> & { changeRateScale?: Float64Array };

/** The fixed values: what the mean path uses. */
export const centralParams = (parameters: Parameters): ModelParams => {
  const { uncertainty: _, ...values } = parameters;
  return values;
};

/** Names with an uncertainty range, in draw order. */
export const rangedNames = (parameters: Parameters): ParameterName[] =>
  parameterNames.filter((name) => parameters.uncertainty[name] !== undefined);

/**
 * The slot of each parameter in a run's parameter stream: the org's ranged names first, in
 * {@link rangedNames} order, then every other name in parameterNames order. A team's own range
 * reads the slot of its name, so adding one never moves another team's or the org's draws.
 */
export const drawSlots = (org: Parameters): ParameterName[] => {
  const ranged = rangedNames(org);
  return [...ranged, ...parameterNames.filter((name) => org.uncertainty[name] === undefined)];
};

/**
 * One run's parameters: each ranged parameter is its value times a multiplier with median 1
 * ({@link medianOneTriangular} over its [low, high] range) of the uniform `uniform(name)`;
 * shares are kept within 0-1.
 */
export const drawParams = (parameters: Parameters, uniform: (name: ParameterName) => number): ModelParams => {
  const drawn = centralParams(parameters);
  for (const name of rangedNames(parameters)) {
    const [low, high] = parameters.uncertainty[name]!;
    const value = parameters[name] * medianOneTriangular(uniform(name), low, high);
    drawn[name] = isFractionParameter(name) ? Math.min(1, value) : value;
  }
  return drawn;
};

/** Each team's parameters: the org's with the team's override laid over them. */
export const teamParameters = (input: ForecastInput): Parameters[] =>
  input.org.teams.map((team) => withOverrides(input.parameters, team.parameters));

/** Per team: its change rates' [low, high] multipliers by ladder index (null: no team range, all fixed). */
const rateRanges = (input: ForecastInput): (([number, number] | null)[] | null)[] =>
  input.org.teams.map(({ changesPerWeekRanges: own }) =>
    own === undefined ? null : input.org.levels.map((level) => own[level.id] ?? null),
  );

/**
 * Draws a run's parameters for teams [teamStart, teamEnd): from one set of uniforms of stream
 * (seed, run, PARAMETER_STREAM) laid out by {@link drawSlots}, then one slot per level of the
 * ladder for change-rate ranges (level l at `parameterNames.length + l`), so adding a team's rate
 * range never moves a parameter's draw. Teams without an override or rate ranges share the org's
 * draw; a rate range multiplies the level's rate by {@link medianOneTriangular} of its slot. The
 * slots and how many uniforms a run needs are worked out once, so a draw costs the ranged
 * parameters plus one reference per team; without rate ranges a run draws as before.
 */
export const teamParamDrawer = (input: ForecastInput, perTeam: readonly Parameters[]) => {
  const slots = drawSlots(input.parameters);
  const slotOf = new Map(slots.map((name, i) => [name, i]));
  const ranges = rateRanges(input);
  const needed = perTeam.reduce(
    (most, p, t) =>
      Math.max(
        most,
        ranges[t] ? slots.length + input.org.levels.length : 0,
        ...rangedNames(p).map((name) => slotOf.get(name)! + 1),
      ),
    0,
  );
  const uniforms = new Float64Array(needed);
  const uniform = (name: ParameterName) => uniforms[slotOf.get(name)!]!;
  const scaled = (params: ModelParams, range: ([number, number] | null)[]): ModelParams => ({
    ...params,
    changeRateScale: Float64Array.from(range, (lh, l) =>
      lh === null ? 1 : medianOneTriangular(uniforms[slots.length + l]!, lh[0], lh[1]),
    ),
  });
  return (run: number, teamStart = 0, teamEnd = perTeam.length): ModelParams[] => {
    const rng = streamRng(input.options.seed, run, PARAMETER_STREAM);
    for (const i of uniforms.keys()) uniforms[i] = rng.next();
    const org = drawParams(input.parameters, uniform);
    return Array.from({ length: teamEnd - teamStart }, (_, i) => {
      const t = teamStart + i;
      const params = input.org.teams[t]!.parameters === undefined ? org : drawParams(perTeam[t]!, uniform);
      const range = ranges[t];
      return range ? scaled(params, range) : params;
    });
  };
};
