import {
  isFractionParameter,
  type ParameterName,
  type Parameters,
  parameterNames,
} from '../schemas/parameters';
import { medianOneTriangular } from './distributions';
import type { Rng } from './rng';

/** Parameter values for one run (no uncertainty ranges). */
export type ModelParams = Omit<Parameters, 'uncertainty'>;

/** The fixed values: what the mean path uses. */
export const centralParams = (parameters: Parameters): ModelParams => {
  const { uncertainty: _, ...values } = parameters;
  return values;
};

/** Names with an uncertainty range, in draw order. */
export const rangedNames = (parameters: Parameters): ParameterName[] =>
  parameterNames.filter((name) => parameters.uncertainty[name] !== undefined);

/**
 * One run's parameters: each ranged parameter is its value times a multiplier with median 1
 * ({@link medianOneTriangular} over its [low, high] range), one uniform each in
 * {@link rangedNames} order; shares are kept within 0-1.
 */
export const drawParams = (parameters: Parameters, rng: Rng): ModelParams => {
  const drawn = centralParams(parameters);
  for (const name of rangedNames(parameters)) {
    const [low, high] = parameters.uncertainty[name]!;
    const value = parameters[name] * medianOneTriangular(rng.next(), low, high);
    drawn[name] = isFractionParameter(name) ? Math.min(1, value) : value;
  }
  return drawn;
};
