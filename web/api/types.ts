import type { ThresholdInfo, Thresholds } from '../../shared';

export type { ForecastRun, ForecastSummary, OrgModel, ScenarioSummary, ScenarioVersion } from '../../shared';
export type { Me, Role } from '../../shared/contract/people';
export type { Team, TeamDeletion } from '../../shared/contract/teams';

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

/** GET /orgs/{org}/thresholds: the org's breach thresholds, the defaults and each one's source. */
export interface OrgThresholds {
  thresholds: Thresholds;
  defaults: Thresholds;
  custom: boolean;
  updatedAt: string | null;
  info: ThresholdInfo[];
}
