import { type Accessor, createResource } from 'solid-js';
import type { ScenarioInput } from '../../shared';
import { api } from '../api/client';

/** The org's scenarios: list, save a new scenario or version, mark the plan of record. */
export function createScenariosStore(orgSlug: Accessor<string | null>) {
  const [list, { refetch }] = createResource(orgSlug, (slug) => api.scenarios(slug));
  const slug = () => {
    const value = orgSlug();
    if (!value) throw new Error('not signed in to an org');
    return value;
  };
  const actions = {
    reload: refetch,
    /** Version `version` of a scenario, or its latest. */
    load: (id: string, version?: number) =>
      version === undefined ? api.scenario(slug(), id) : api.scenarioVersion(slug(), id, version),
    versions: (id: string) => api.scenarioVersions(slug(), id),
    diff: (id: string, from: number, to: number) => api.scenarioDiff(slug(), id, from, to),
    async save(id: string | null, scenario: ScenarioInput) {
      const saved = id
        ? await api.addVersion(slug(), id, scenario)
        : await api.createScenario(slug(), scenario);
      await refetch();
      return saved;
    },
    async markPlanOfRecord(id: string) {
      await api.markPlanOfRecord(slug(), id);
      await refetch();
    },
  };
  return [{ list }, actions] as const;
}

export type ScenariosStore = ReturnType<typeof createScenariosStore>;
