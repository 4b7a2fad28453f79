import type { Page } from 'playwright-core';
import type { PlannerBrowser } from './planner-browser';

export interface PlanScenario {
  id: string;
  name: string;
  planOfRecord: boolean;
}

/**
 * The demo org's plan of record and its stored server forecast (computed now if not yet stored),
 * read through the API from `page`'s session: what a page showing the plan must agree with.
 */
export async function planOfRecordRun<Run>(
  env: Pick<PlannerBrowser, 'api'>,
  page: Page,
): Promise<{ plan: PlanScenario; run: Run }> {
  const list = await env.api<{ items: PlanScenario[] }>(page, 'GET', '/orgs/demo/scenarios');
  const plan = list.items.find((s) => s.planOfRecord);
  if (!plan) throw new Error('the demo org has no plan of record');
  const run = await env.api<Run>(page, 'POST', `/orgs/demo/scenarios/${plan.id}/forecast`, {});
  return { plan, run };
}
