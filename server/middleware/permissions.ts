import type { Role } from '../db/schema';

/**
 * Minimum role of every org-scoped operation, keyed `METHOD /path` as in the OpenAPI document.
 * viewer = read; planner = viewer + write teams, roster, scenarios, forecasts, import review
 * history and see its people, calibrate and accept a calibration into a scenario; admin = planner + users, invitations, tokens, org settings, the audit log and the live GitHub sync (its token, repositories, sync now). The one place to read or change who may do what.
 */
export const permissions = {
  'GET /orgs/{org}': 'viewer',
  'PATCH /orgs/{org}': 'admin',
  'GET /orgs/{org}/model': 'viewer',
  'GET /orgs/{org}/parameters': 'viewer',
  'GET /orgs/{org}/audit': 'admin',
  'GET /orgs/{org}/teams': 'viewer',
  'POST /orgs/{org}/teams': 'planner',
  'GET /orgs/{org}/teams/{id}': 'viewer',
  'PATCH /orgs/{org}/teams/{id}': 'planner',
  'DELETE /orgs/{org}/teams/{id}': 'planner',
  'GET /orgs/{org}/teams/{id}/deletion': 'viewer',
  'POST /orgs/{org}/roster/import': 'planner',
  'POST /orgs/{org}/roster/preview': 'planner',
  'GET /orgs/{org}/scenarios': 'viewer',
  'POST /orgs/{org}/scenarios': 'planner',
  'GET /orgs/{org}/scenarios/{id}': 'viewer',
  'GET /orgs/{org}/scenarios/{id}/versions': 'viewer',
  'GET /orgs/{org}/scenarios/{id}/versions/{version}': 'viewer',
  'POST /orgs/{org}/scenarios/{id}/versions': 'planner',
  'POST /orgs/{org}/scenarios/{id}/plan-of-record': 'planner',
  'GET /orgs/{org}/scenarios/{id}/diff': 'viewer',
  'POST /orgs/{org}/scenarios/{id}/forecast': 'planner',
  'GET /orgs/{org}/forecasts/{runId}': 'viewer',
  'POST /orgs/{org}/scenarios/{id}/forecast-jobs': 'planner',
  'GET /orgs/{org}/forecast-jobs/{jobId}': 'viewer',
  'GET /orgs/{org}/reports/capacity': 'viewer',
  'GET /orgs/{org}/reports/dashboard': 'viewer',
  'GET /orgs/{org}/thresholds': 'viewer',
  'PATCH /orgs/{org}/thresholds': 'admin',
  'DELETE /orgs/{org}/thresholds': 'admin',
  'POST /orgs/{org}/history/git': 'planner',
  'POST /orgs/{org}/history/github': 'planner',
  'GET /orgs/{org}/history': 'planner',
  'GET /orgs/{org}/history/imports/{id}': 'planner',
  'GET /orgs/{org}/history/weekly': 'viewer',
  'GET /orgs/{org}/history/aliases': 'planner',
  'POST /orgs/{org}/history/aliases': 'planner',
  'DELETE /orgs/{org}/history/aliases/{id}': 'planner',
  'GET /orgs/{org}/history/github/settings': 'admin',
  'PUT /orgs/{org}/history/github/settings': 'admin',
  'POST /orgs/{org}/history/github/sync': 'admin',
  'POST /orgs/{org}/calibrations': 'planner',
  'GET /orgs/{org}/calibrations/{id}': 'viewer',
  'POST /orgs/{org}/calibrations/{id}/accept': 'planner',
  'GET /orgs/{org}/tokens': 'admin',
  'POST /orgs/{org}/tokens': 'admin',
  'DELETE /orgs/{org}/tokens/{id}': 'admin',
  'GET /orgs/{org}/users': 'admin',
  'POST /orgs/{org}/users': 'admin',
  'PATCH /orgs/{org}/users/{id}': 'admin',
  'DELETE /orgs/{org}/users/{id}': 'admin',
  'GET /orgs/{org}/invitations': 'admin',
  'POST /orgs/{org}/invitations': 'admin',
  'DELETE /orgs/{org}/invitations/{id}': 'admin',
  'GET /orgs/{org}/alert-rules': 'viewer',
  'POST /orgs/{org}/alert-rules': 'planner',
  'GET /orgs/{org}/alert-rules/{id}': 'viewer',
  'PATCH /orgs/{org}/alert-rules/{id}': 'planner',
  'DELETE /orgs/{org}/alert-rules/{id}': 'planner',
  'POST /orgs/{org}/alert-rules/{id}/evaluate': 'planner',
  'POST /orgs/{org}/alert-rules/{id}/dry-run': 'planner',
  'GET /orgs/{org}/alert-rules/{id}/evaluations': 'viewer',
  'GET /orgs/{org}/alert-rules/{id}/alerts': 'viewer',
  'POST /orgs/{org}/alert-rules/{id}/alerts/{alertId}/acknowledge': 'planner',
  'GET /orgs/{org}/alert-rules/{id}/deliveries': 'viewer',
} as const satisfies Record<string, Role>;

export type OperationKey = keyof typeof permissions;

const rank: Record<Role, number> = { viewer: 0, planner: 1, admin: 2 };

/** Whether `role` is at least `minimum`. */
export const hasRole = (role: Role, minimum: Role): boolean => rank[role] >= rank[minimum];
