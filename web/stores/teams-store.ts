import { type Accessor, createResource, createSignal } from 'solid-js';
import { api } from '../api/client';
import type { RosterMode, Team } from '../api/types';

/** The org's teams with headcount by level (fetched once a page asks); edits are optimistic and roll back on error. */
export function createTeamsStore(orgSlug: Accessor<string | null>, onChange: () => void) {
  const [wanted, setWanted] = createSignal(false);
  const [teams, { mutate, refetch }] = createResource(
    () => (wanted() ? orgSlug() : null),
    (slug) => api.teams(slug),
  );
  const slug = () => {
    const value = orgSlug();
    if (!value) throw new Error('not signed in to an org');
    return value;
  };
  const replace = (team: Team) => mutate((list) => list?.map((t) => (t.id === team.id ? team : t)));
  const actions = {
    open: () => setWanted(true),
    reload: refetch,
    async setHeadcount(team: Team, headcount: Record<string, number>) {
      replace({ ...team, headcount });
      try {
        replace(await api.updateTeam(slug(), team.id, headcount));
        onChange();
      } catch (error) {
        replace(team);
        throw error;
      }
    },
    deletion: (team: Team) => api.teamDeletion(slug(), team.id),
    /** Deletes the team, its people moving to `moveTo` (a team id) or deleted with it. */
    async deleteTeam(team: Team, moveTo?: string) {
      await api.deleteTeam(slug(), team.id, moveTo);
      await refetch();
      onChange();
    },
    previewRoster: (csv: string, mode: RosterMode) => api.previewRoster(slug(), csv, mode),
    async importRoster(csv: string, mode: RosterMode) {
      const result = await api.importRoster(slug(), csv, mode);
      await refetch();
      onChange();
      return result;
    },
  };
  return [{ teams }, actions] as const;
}

export type TeamsStore = ReturnType<typeof createTeamsStore>;
