import {
  defaultParameters,
  parameterBounds,
  parameterCatalogueSchema,
  parameterInfo,
  parameterRange,
  rangeChanged,
} from '../../shared/index';
import type { AppDeps } from '../deps';
import { createRouter } from '../openapi';
import { modelRevision } from '../services/forecast-memo';
import { loadSettings } from '../services/org-model';
import { jsonResponse, orgParams, orgRoute } from './route';

const catalogue = orgRoute('GET /orgs/{org}/parameters', {
  tags: ['orgs'],
  summary:
    'Every model parameter with its cited default, unit, allowed range, the org’s value and its Monte Carlo range (change them with PATCH /orgs/{org})',
  request: { params: orgParams },
  responses: {
    200: jsonResponse('The parameter catalogue', parameterCatalogueSchema),
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
