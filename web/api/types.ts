import type { ThresholdInfo, Thresholds } from '../../shared';

export type { ForecastRun, ForecastSummary, OrgModel, ScenarioSummary, ScenarioVersion } from '../../shared';

/** Roles of the API contract: viewer reads; planner also writes; admin also manages users and tokens. */
export type Role = 'admin' | 'planner' | 'viewer';

/** GET /auth/me. */
export interface Me {
  /** Null when the caller is an API token. */
  user: { id: string; email: string; name: string } | null;
  memberships: { org: { slug: string; name: string; timeZone: string }; role: Role }[];
}

/** One entry of a scenario's version history. */
export interface VersionEntry {
  version: number;
  createdAt: string;
  createdBy: string;
}

/** GET /scenarios/{id}/diff: what changed from one version to another, by JSON path. */
export interface VersionDiff {
  from: number;
  to: number;
  changes: { path: string; kind: 'added' | 'removed' | 'changed'; from?: unknown; to?: unknown }[];
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

/** The server's summary of a forecast run (engine answers; see server/services/forecast-summary). */
/** A report cell: a value, or values by key (e.g. headcount by level). */
export type ReportValue = string | number | boolean | null | Record<string, string | number | boolean | null>;

/** GET /orgs/{org}/reports/capacity?format=json: one row per team, columns as the API names them. */
export interface CapacityReport {
  scenario: { id: string; name: string; version: number };
  horizon: number;
  runs: number;
  generatedAt: string;
  rows: Record<string, ReportValue>[];
}

/** How a roster file applies: the whole roster (`replace`) or added to it (`merge`). */
export type RosterMode = 'merge' | 'replace';

/** People counts of a roster change. */
export interface RosterPeople {
  added: number;
  moved: number;
  levelChanged: number;
  removed: number;
  unchanged: number;
}

/** POST /orgs/{org}/roster/import on success. */
export interface RosterImport {
  imported: number;
  teams: number;
  teamsCreated: number;
  mode: RosterMode;
  people: RosterPeople;
}

/** POST /orgs/{org}/roster/preview: what an import would change. */
export interface RosterPreview {
  mode: RosterMode;
  rows: number;
  people: RosterPeople;
  teams: {
    name: string;
    status: 'new' | 'changed' | 'emptied';
    before: Record<string, number>;
    after: Record<string, number>;
    joining: number;
    leaving: number;
  }[];
  samples: {
    added: { employeeId: string; team: string; level: string }[];
    moved: { employeeId: string; from: string; to: string }[];
    levelChanged: { employeeId: string; team: string; from: string; to: string }[];
    removed: { employeeId: string; team: string; level: string }[];
  };
}

/** GET /orgs/{org}/teams/{id}/deletion: what deleting the team would do. */
export interface TeamDeletion {
  team: { id: string; name: string; headcount: Record<string, number> };
  /** People on the roster in the team: deleted, or moved with `moveEngineersTo`. */
  engineers: number;
  /** They stay, without a parent. */
  childTeams: { id: string; name: string }[];
  /** Scenarios whose latest version names the team: the delete is refused (409) while any does. */
  scenarios: { id: string; name: string; planOfRecord: boolean }[];
  /** Rules watching the team; `paused` when it was their only team. */
  alertRules: { id: string; name: string; paused: boolean }[];
}

/** GET /orgs/{org}/thresholds: the org's breach thresholds, the defaults and each one's source. */
export interface OrgThresholds {
  thresholds: Thresholds;
  defaults: Thresholds;
  custom: boolean;
  updatedAt: string | null;
  info: ThresholdInfo[];
}
