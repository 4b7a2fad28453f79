import type { Forecast, OrgInput, Parameters, ScenarioInput } from '../../shared';

/** Roles of the API contract: viewer reads; planner also writes; admin also manages users and tokens. */
export type Role = 'admin' | 'planner' | 'viewer';

/** GET /auth/me. */
export interface Me {
  /** Null when the caller is an API token. */
  user: { id: string; email: string; name: string } | null;
  memberships: { org: { slug: string; name: string }; role: Role }[];
}

/** GET /orgs/{org}/model: exactly what the engine takes as `org` and `parameters`. */
export interface OrgModel {
  org: OrgInput;
  parameters: Parameters;
}

export interface Team {
  id: string;
  name: string;
  parentId: string | null;
  headcount: Record<string, number>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ScenarioSummary {
  id: string;
  name: string;
  latestVersion: number;
  planOfRecord: boolean;
  updatedAt: string;
}

export interface ScenarioVersion {
  id: string;
  version: number;
  planOfRecord: boolean;
  createdAt: string;
  createdBy: string | null;
  scenario: ScenarioInput;
}

export interface ForecastSummary {
  firstBreaches: unknown;
  teamsAtRisk: number;
  reviewersNeeded: number;
  reviewersToday: number;
}

export interface ForecastRun {
  id: string;
  scenarioId: string;
  version: number;
  cached: boolean;
  createdAt: string;
  summary: ForecastSummary;
  forecast: Forecast;
}

/** GET /orgs/{org}/reports/capacity?format=json: one row per team, columns as the API names them. */
export interface CapacityReport {
  scenario: unknown;
  horizon: number;
  generatedAt: string;
  rows: Record<string, string | number | boolean | null>[];
}

/** POST /orgs/{org}/roster/import on success. */
export interface RosterImport {
  imported: number;
  teams: number;
}
