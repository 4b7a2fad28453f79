import { z } from 'zod';
import type { ScenarioEvent } from './events';
import { runOptionsSchema } from './options';
import { checkLevelIds, orgSchema } from './org';
import { mergeOverrides, parametersSchema } from './parameters';
import { scenarioSchema } from './scenario';

type Path = (string | number)[];

/** Every team and level id an event names, with the path of the field that names it. */
const references = (event: ScenarioEvent): { kind: 'team' | 'level'; id: string; path: Path }[] => {
  const teams =
    'teamIds' in event ? (event.teamIds ?? []).map((id, i) => ({ id, path: ['teamIds', i] })) : [];
  const levels: { id: string; path: Path }[] = [];
  switch (event.type) {
    case 'hire':
      teams.push({ id: event.teamId, path: ['teamId'] });
      levels.push({ id: event.level, path: ['level'] });
      break;
    case 'promotion':
      teams.push({ id: event.teamId, path: ['teamId'] });
      levels.push({ id: event.fromLevel, path: ['fromLevel'] }, { id: event.toLevel, path: ['toLevel'] });
      break;
    case 'ai-adoption':
      for (const [i, id] of (event.levels ?? []).entries()) levels.push({ id, path: ['levels', i] });
      break;
    case 'review-policy':
      for (const id of Object.keys(event.rules)) levels.push({ id, path: ['rules', id] });
      break;
    case 'layoff':
    case 'attrition-shock':
      if (event.level !== undefined) levels.push({ id: event.level, path: ['level'] });
      break;
    case 'tool-effect':
      break;
  }
  return [
    ...teams.map((t) => ({ kind: 'team' as const, ...t })),
    ...levels.map((l) => ({ kind: 'level' as const, ...l })),
  ];
};

/**
 * What the engine runs: `{ org, parameters, scenario, options }`. Beyond each part's own rules,
 * every team and level an event names, and every team the scenario gives parameters, must exist
 * in the org, and every level a team's change rates name. The scenario's team parameters and
 * change rates are laid over each team's own (`org.teams[i].parameters`, `.changesPerWeek`), so
 * the engine reads one override per team.
 */
export const forecastInputSchema = z
  .object({
    org: orgSchema,
    parameters: parametersSchema.default(() => parametersSchema.parse({})),
    scenario: scenarioSchema,
    options: runOptionsSchema,
  })
  .strict()
  .superRefine((input, ctx) => {
    const teamIds = new Set(input.org.teams.map((t) => t.id));
    const levelIds = new Set(input.org.levels.map((l) => l.id));
    input.scenario.events.forEach((event, i) => {
      for (const ref of references(event)) {
        const known = ref.kind === 'team' ? teamIds : levelIds;
        if (!known.has(ref.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['scenario', 'events', i, ...ref.path],
            message: `unknown ${ref.kind} "${ref.id}"`,
          });
        }
      }
    });
    for (const [id, given] of Object.entries(input.scenario.teamParameters ?? {})) {
      if (!teamIds.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['scenario', 'teamParameters', id],
          message: `unknown team "${id}"`,
        });
      }
      for (const field of ['changesPerWeek', 'changesPerWeekRanges'] as const) {
        checkLevelIds(Object.keys(given[field] ?? {}), levelIds, ctx, [
          'scenario',
          'teamParameters',
          id,
          field,
        ]);
      }
    }
  })
  .transform((input) => {
    const given = input.scenario.teamParameters;
    if (given === undefined) return input;
    const teams = input.org.teams.map((team) => {
      const own = given[team.id];
      if (own === undefined) return team;
      const merged = { ...team, parameters: mergeOverrides(team.parameters, own.parameters) };
      if (own.changesPerWeek !== undefined)
        merged.changesPerWeek = { ...team.changesPerWeek, ...own.changesPerWeek };
      if (own.changesPerWeekRanges !== undefined)
        merged.changesPerWeekRanges = { ...team.changesPerWeekRanges, ...own.changesPerWeekRanges };
      return merged;
    });
    return { ...input, org: { ...input.org, teams } };
  });

export type ForecastInput = z.infer<typeof forecastInputSchema>;
export type ForecastInputRaw = z.input<typeof forecastInputSchema>;
