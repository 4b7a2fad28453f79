import type { ScenarioEventInput } from '../../shared';
import { eventTypeLabels } from './event-fields';

const teamsText = (ids: readonly string[] | undefined, names: Map<string, string>) =>
  ids?.length ? ids.map((id) => names.get(id) ?? id).join(', ') : 'all teams';

/** One line describing an event, e.g. "Layoff: 10% of seniors, all teams". */
export function describeEvent(event: ScenarioEventInput, names: Map<string, string>): string {
  const label = eventTypeLabels[event.type];
  switch (event.type) {
    case 'layoff':
      return `${label}: ${event.percent !== undefined ? `${event.percent}%` : `${event.count} people`} of ${event.level ?? 'all levels'}, ${teamsText(event.teamIds, names)}`;
    case 'hire':
      return `${label}: ${event.count} ${event.level} into ${names.get(event.teamId) ?? event.teamId}, ramp ${event.rampWeeks ?? 12} weeks`;
    case 'ai-adoption':
      return `${label}: to ${event.targetPercent}% over ${event.rampWeeks ?? 26} weeks (${event.shape ?? 's-curve'}), ${teamsText(event.teamIds, names)}`;
    case 'review-policy': {
      const rules = Object.entries(event.rules)
        .filter(([, cell]) => cell.ai || cell.human)
        .map(
          ([level, cell]) =>
            `${level} ${[cell.ai ? 'AI' : '', cell.human ? 'human' : ''].filter(Boolean).join('+')}`,
        );
      return `${label}: sign-off for ${rules.length ? rules.join(', ') : 'nothing'}`;
    }
    case 'promotion':
      return `${label}: ${event.count} ${event.fromLevel} to ${event.toLevel} in ${names.get(event.teamId) ?? event.teamId}`;
    case 'tool-effect':
      return `${label}: review time ${event.reviewTimePercent > 0 ? '+' : ''}${event.reviewTimePercent}% (${event.appliesTo ?? 'all'} changes), ${teamsText(event.teamIds, names)}`;
    case 'attrition-shock':
      return `${label}: ${event.percent}% of ${event.level ?? 'all levels'} may leave, ${teamsText(event.teamIds, names)}`;
  }
}
