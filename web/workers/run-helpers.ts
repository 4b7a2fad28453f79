import type { RunRange } from '../../shared';
import type { TeamRange } from '../../shared/engine/monte-carlo';
import type { HelperRequest, HelperResponse } from './helper-protocol';
import type { EngineEdit } from './protocol';

/** Ranges a helper holds at once: one it computes and one queued, so it never waits for the lead between ranges. */
const IN_HAND = 2;

interface Helper {
  port: MessagePort;
  /** Ranges handed to it and not yet answered, by job. */
  inHand: { job: number; runStart: number }[];
}

/**
 * The lead engine worker's helpers (the page starts them and sends the lead a port to each): the
 * resident org and each Monte Carlo job's input go to every helper; ranges of runs are handed out
 * in run order, at most {@link IN_HAND} a helper, and their samples come back to `onResponse`.
 */
export class RunHelpers {
  private readonly helpers: Helper[] = [];
  private org: Extract<HelperRequest, { type: 'org' }> | null = null;

  constructor(private readonly onResponse: (message: HelperResponse) => void) {}

  get count(): number {
    return this.helpers.length;
  }

  add(port: MessagePort): void {
    const helper: Helper = { port, inHand: [] };
    port.onmessage = (event: MessageEvent<HelperResponse>) => {
      const message = event.data;
      const runStart = message.type === 'samples' ? message.samples.runStart : -1;
      helper.inHand = helper.inHand.filter(
        (range) => range.job !== message.job || (message.type === 'samples' && range.runStart !== runStart),
      );
      this.onResponse(message);
    };
    if (this.org) port.postMessage(this.org);
    this.helpers.push(helper);
  }

  /** Makes `org` resident in every helper (as the page made it resident in the lead). */
  resident(id: number, org: Extract<HelperRequest, { type: 'org' }>['org']): void {
    this.org = { type: 'org', id, org };
    for (const helper of this.helpers) helper.port.postMessage(this.org);
  }

  /** Sends a Monte Carlo job's input to every helper, ahead of its ranges. */
  start(job: number, org: number, edit: EngineEdit): void {
    for (const helper of this.helpers)
      helper.port.postMessage({ type: 'job', job, org, edit } satisfies HelperRequest);
  }

  /** Ends a job in every helper: its queued ranges are dropped (a range being computed still answers). */
  end(job: number): void {
    for (const helper of this.helpers) {
      helper.inHand = helper.inHand.filter((range) => range.job !== job);
      helper.port.postMessage({ type: 'end', job } satisfies HelperRequest);
    }
  }

  /**
   * Hands helper i the team range `ranges[i]` of a mean-path job (as many ranges as helpers, or
   * fewer); the series come back to `onResponse`.
   */
  meanRanges(job: number, org: number, edit: EngineEdit, ranges: readonly TeamRange[]): void {
    ranges.forEach((range, i) => {
      const request: HelperRequest = { type: 'mean-range', job, org, edit, ...range };
      this.helpers[i]?.port.postMessage(request);
    });
  }

  /** Hands each helper ranges of `job` from `next` (the next range, or null when all are out) until it holds {@link IN_HAND}. */
  topUp(job: number, next: () => RunRange | null): void {
    for (const helper of this.helpers) {
      while (helper.inHand.length < IN_HAND) {
        const range = next();
        if (!range) return;
        helper.inHand.push({ job, runStart: range.runStart });
        helper.port.postMessage({ type: 'range', job, ...range } satisfies HelperRequest);
      }
    }
  }
}
