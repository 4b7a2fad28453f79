import {
  addChunk,
  assembleForecast,
  type ForecastInput,
  type MetricBands,
  meanBands,
  meanOrgSeries,
  orgSamples,
  orgSlots,
  roundedMeanForecast,
  sampleBands,
} from '../../shared/index';
import { type EngineResult, summaryOf } from './forecast-summary';
import type { ShapedPart } from './shaped-part';

/**
 * The stored result of a forecast from its shaped team slices (shapeMeanSlice, shapeTeamSlice),
 * added in any order: each part's org sums are folded in as soon as every team before it is in
 * (a Monte Carlo part's are added into one running total and dropped), so only parts that arrived
 * early wait with their sums. The org is summed chunk by chunk in team order, as one thread sums
 * it, so the bytes are those shapeResult gives for the whole forecast.
 */
export class ShapedMerger {
  private readonly waiting = new Map<number, ShapedPart>();
  private readonly folded: Omit<ShapedPart, 'acc'>[] = [];
  /** Teams folded in so far (0 .. next - 1). */
  private next = 0;
  /** A mean path's chunk sums, part by part in team order (meanOrgSeries sums them). */
  private readonly meanSums: Float64Array[] = [];
  /** Monte Carlo's org accumulators summed over the parts folded in (see addChunk). */
  private total: Float64Array | null = null;

  constructor(private readonly input: ForecastInput) {}

  /** Parts that came before a part ahead of them and wait, org sums and all, to be folded in. */
  get waitingParts(): number {
    return this.waiting.size;
  }

  /** @throws RangeError when a part starts at a team already covered. */
  add(part: ShapedPart): void {
    const { teamStart } = part.slice;
    if (teamStart < this.next || this.waiting.has(teamStart))
      throw new RangeError(`mergeShaped: team ${teamStart} is covered twice`);
    this.waiting.set(teamStart, part);
    for (let ready = this.waiting.get(this.next); ready; ready = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.fold(ready);
    }
  }

  private fold({ acc, ...rest }: ShapedPart): void {
    if (this.input.options.runs === 0) this.meanSums.push(acc);
    else {
      this.total ??= new Float64Array(acc.length);
      addChunk(this.total, acc);
    }
    this.folded.push(rest);
    this.next += rest.slice.teamCount;
  }

  /** The stored result. @throws RangeError when the parts leave a gap or miss teams. */
  finish(): EngineResult {
    const teamCount = this.input.org.teams.length;
    if (this.waiting.size > 0) throw new RangeError(`mergeShaped: expected a slice from team ${this.next}`);
    if (this.next !== teamCount)
      throw new RangeError(`mergeShaped: slices cover ${this.next} of ${teamCount} teams`);
    const noTeams = { ...this.input, org: { ...this.input.org, teams: [] } };
    const { teams: _, ...head } = roundedMeanForecast(assembleForecast(noTeams, [], this.orgBands()));
    return {
      headJson: JSON.stringify(head),
      teamChunks: this.folded.flatMap((part) => part.teamChunks),
      teamDigests: this.folded.flatMap((part) => part.teamDigests),
      summary: summaryOf(
        head.org,
        this.folded.map((part) => part.summary),
      ),
      report: this.folded.flatMap((part) => part.report),
    };
  }

  private orgBands(): MetricBands {
    const { runs, horizonWeeks: W } = this.input.options;
    const levelIds = this.input.org.levels.map((level) => level.id);
    if (runs === 0) return meanBands(meanOrgSeries(this.meanSums, W, levelIds.length), W, levelIds);
    const total = this.total ?? new Float64Array(runs * W * orgSlots(levelIds.length));
    return sampleBands(orgSamples(total, W, runs, levelIds.length), W, runs, levelIds);
  }
}

/** {@link ShapedMerger} over a list of parts. */
export const mergeShaped = (input: ForecastInput, parts: readonly ShapedPart[]): EngineResult => {
  const merger = new ShapedMerger(input);
  for (const part of parts) merger.add(part);
  return merger.finish();
};
