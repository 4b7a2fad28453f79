import { z } from '@hono/zod-openapi';
import {
  defaultParameters,
  parameterBounds,
  parameterInfo,
  parameterRange,
  rangeChanged,
} from '../../shared/index';
import type { AppDeps } from '../deps';
import { createRouter } from '../openapi';
import { modelRevision } from '../services/forecast-memo';
import { loadSettings } from '../services/org-model';
import { jsonResponse, orgParams, orgRoute } from './route';

const parameterSchema = z
  .object({
    name: z.string(),
    label: z.string(),
    unit: z.string(),
    source: z.string().openapi({ description: 'Reference ids of the calibration table, or the reasoning' }),
    default: z.number(),
    value: z.number().openapi({ description: 'The value forecasts use: the org’s own, else the default' }),
    overridden: z.boolean().openapi({ description: 'Whether the org’s value differs from the default' }),
    min: z.number(),
    max: z.number(),
    aboveMin: z.boolean().openapi({ description: 'The value must be above `min`, not equal to it' }),
    uncertainty: z
      .tuple([z.number(), z.number()])
      .nullable()
      .openapi({ description: 'Monte Carlo range as [low, high] multipliers of the value; null when fixed' }),
    range: z.object({ low: z.number(), high: z.number() }).nullable().openapi({
      description: 'The same range in the parameter’s unit (value × multipliers); null when fixed',
    }),
    rangeChanged: z
      .boolean()
      .openapi({ description: 'Whether the org’s range differs from the documented default range' }),
  })
  .openapi('ModelParameter');

const catalogue = orgRoute('GET /orgs/{org}/parameters', {
  tags: ['orgs'],
  summary:
    'Every model parameter with its cited default, unit, allowed range, the org’s value and its Monte Carlo range (change them with PATCH /orgs/{org})',
  request: { params: orgParams },
  responses: {
    200: jsonResponse(
      'The parameter catalogue',
      z.object({ items: z.array(parameterSchema), modelRevision: z.number().int() }),
    ),
  },
});

/** The model parameter catalogue of an org. */
export function orgParameterRoutes(deps: AppDeps) {
  return createRouter().openapi(catalogue, async (c) => {
    const orgId = c.get('org').id;
    const { parameters } = await loadSettings(deps.db, orgId);
    const items = parameterInfo.map((info) => ({
      ...info,
      default: defaultParameters[info.name],
      value: parameters[info.name],
      overridden: parameters[info.name] !== defaultParameters[info.name],
      ...parameterBounds(info.name),
      uncertainty: parameters.uncertainty[info.name] ?? null,
      range: parameterRange(parameters, info.name),
      rangeChanged: rangeChanged(parameters, info.name),
    }));
    return c.json({ items, modelRevision: await modelRevision(deps.db, orgId) }, 200);
  });
}
