import type { AnswerContext, LayoffHeadroom, ReviewersNeeded } from '../../shared/index';

/** A team's answers read on its mean path: reviewers needed at its peak and its layoff headroom. */
export interface MeanPathAnswers {
  needed: ReviewersNeeded;
  headroom: LayoffHeadroom;
}

/**
 * Reviewers needed and layoff headroom of the teams of a range from `teamStart`, `answerOf(t)`
 * computed once per set of twins: `twins[i]` is the index within the range of the first team
 * with team i's inputs (the engine's twins: the same parameters, timeline rows, change rates and
 * headcount ops, so the same mean path, with or without a cut of its reviewers); a later twin
 * takes that team's answers under its own id. An org whose teams are not calibrated has many
 * twins (every team of the same headcount), and the headroom's bisection is up to eight mean
 * paths a team.
 */
export function twinAnswers(
  ctx: AnswerContext,
  teamStart: number,
  twins: ArrayLike<number>,
  answerOf: (t: number) => MeanPathAnswers,
): { needed: ReviewersNeeded[]; headroom: LayoffHeadroom[] } {
  const needed: ReviewersNeeded[] = [];
  const headroom: LayoffHeadroom[] = [];
  for (let i = 0; i < twins.length; i++) {
    const first = twins[i]!;
    if (first === i) {
      const own = answerOf(teamStart + i);
      needed.push(own.needed);
      headroom.push(own.headroom);
    } else {
      const teamId = ctx.input.org.teams[teamStart + i]!.id;
      needed.push({ ...needed[first]!, teamId });
      headroom.push({ ...headroom[first]!, teamId });
    }
  }
  return { needed, headroom };
}
