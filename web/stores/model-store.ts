import { type Accessor, createResource } from 'solid-js';
import { api } from '../api/client';

/** The org's engine model (teams with headcount, levels, parameters) for the worker. */
export function createModelStore(orgSlug: Accessor<string | null>) {
  const [model, { refetch }] = createResource(orgSlug, (slug) => api.model(slug));
  return [{ model }, { reload: refetch }] as const;
}

export type ModelStore = ReturnType<typeof createModelStore>;
