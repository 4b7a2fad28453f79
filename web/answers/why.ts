import type { Driver, TeamAnswer } from '../../shared';
import { formatDate, formatNumber } from '../format';
import { crossing } from './metric-words';

/** Signed percent change from today, e.g. "+38%"; null when there was nothing today or no change. */
export const percentChange = (d: Driver): string | null => {
  if (d.today === 0) return d.later === 0 ? null : 'from none';
  const change = Math.round(((d.later - d.today) / d.today) * 100);
  return change === 0 ? null : `${change > 0 ? '+' : ''}${change}%`;
};

/**
 * The plain-language "why": what crossed when, then the change from today to that week of each
 * driver (AI-assisted sign-off demand, all sign-off demand, reviewers, review hours per change).
 */
export function whySentences(a: TeamAnswer): string[] {
  const when = a.firstBreach
    ? `${a.team} first breaches on ${formatDate(a.firstBreach.date)}: ${crossing(a.firstBreach)} (P50).`
    : `${a.team} holds every threshold over the horizon (P50).`;
  const parts = [
    ['AI-assisted sign-off demand', a.drivers.aiSignoffDemand],
    ['all sign-off demand', a.drivers.signoffDemand],
    ['reviewers', a.drivers.reviewers],
    ['review time per change', a.drivers.hoursPerChange],
  ] as const;
  const changes = parts.flatMap(([name, d]) => {
    const change = percentChange(d);
    return change ? [`${name} ${change}`] : [];
  });
  const by = a.firstBreach ? 'by then' : 'by the end of the horizon';
  return [when, changes.length ? `From today ${by}: ${changes.join(', ')}.` : 'Nothing changes from today.'];
}

/** "What fixes it": reviewers to add, a review policy or sampling change where AI demand grows, the layoff it absorbs. */
export function fixSentences(a: TeamAnswer): string[] {
  const fixes: string[] = [];
  if (a.reviewersToAdd > 0)
    fixes.push(
      `Add ${a.reviewersToAdd} sign-off reviewer${a.reviewersToAdd === 1 ? '' : 's'}: ${a.reviewersNeeded} are needed at the peak week of ${formatDate(a.peakDate)} against ${formatNumber(a.reviewersToday, 1)} today.`,
    );
  const ai = a.drivers.aiSignoffDemand;
  if (ai.later > ai.today && a.firstBreach)
    fixes.push(
      'Or ease sign-off demand: a review policy that lets AI-assisted changes from more levels skip senior sign-off, or sampled review of AI-assisted changes.',
    );
  fixes.push(
    a.maxLayoffPercent === null
      ? 'It can absorb no layoff of sign-off reviewers: it breaches even without one.'
      : `It can absorb a layoff of up to ${a.maxLayoffPercent}% of its sign-off reviewers without a breach.`,
  );
  return fixes;
}
