export type { ForecastRun, ForecastSummary, OrgModel, ScenarioSummary, ScenarioVersion } from '../../shared';
export type { TeamCapacityReport } from '../../shared/contract/capacity-report';
export type { DashboardView } from '../../shared/contract/dashboard-view';
export type { OrgThresholds } from '../../shared/contract/org-thresholds';
export type { Me, Role } from '../../shared/contract/people';
export type { RosterImport, RosterMode, RosterPreview } from '../../shared/contract/roster';
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
