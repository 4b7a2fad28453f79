import type { Breaches, Forecast, OrgInput, Parameters, ReviewersNeeded, ScenarioInput } from '../../shared';

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

/** The server's summary of a forecast run (engine answers; see server/services/forecast-summary). */
export interface ForecastSummary {
  firstBreaches: Breaches;
  teamsAtRisk: { id: string; name: string; firstBreach: { date: string; metric: string } }[];
  reviewersNeeded: (ReviewersNeeded & { name: string })[];
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

/** A report cell: a value, or values by key (e.g. headcount by level). */
export type ReportValue = string | number | boolean | null | Record<string, string | number | boolean | null>;

/** GET /orgs/{org}/reports/capacity?format=json: one row per team, columns as the API names them. */
export interface CapacityReport {
  scenario: unknown;
  horizon: number;
  generatedAt: string;
  rows: Record<string, ReportValue>[];
}

/** POST /orgs/{org}/roster/import on success. */
export interface RosterImport {
  imported: number;
  teams: number;
}
