/**
 * How much a week's sign-off delays move together: a one-way random-effects model of the log
 * delays, log d = mu + b(week) + e, b ~ N(0, between), e of variance `within`. A loaded queue
 * makes a week's changes wait alike (its backlog), so its median moves more than independent
 * delays would move it; a team whose delays are the authors' own varies little by week.
 */
export interface WeekEffect {
  /** Standard deviation of b, the week's log factor (0 when the weeks vary no more than their changes do). */
  sd: number;
  /**
   * Correlation (0-1) of consecutive weeks' factors: a slow spell (a backlog, a reviewer away)
   * lasts weeks. An AR(1) process's lag-1 autocorrelation.
   */
  persistence: number;
  /** Each week's own log factor, shrunk towards 0 by its changes' count (empirical Bayes); 0 for a week left out. */
  logFactors: number[];
}

/** Highest persistence taken: a factor whose spells outlast the fitted year cannot be told from a level. */
const MAX_PERSISTENCE = 0.95;

/**
 * The {@link WeekEffect} of weeks of delays (hours; null: a week left out, e.g. with changes not
 * yet signed), over the positive ones: the variance components by the method of moments of the
 * unbalanced one-way analysis of variance (Searle, Casella and McCulloch, Variance Components,
 * 1992, ch. 3: between = (MSB - MSW) / n0, n0 = (N - sum n^2 / N) / (J - 1)), at least 0, and each
 * week's mean log deviation times between / (between + within / n). The persistence is the mean
 * product of consecutive weeks' mean log deviations over between (their within-week noise is
 * independent, so it adds nothing to the product), within 0-0.95.
 */
export function weekEffect(weeks: readonly (readonly number[] | null)[]): WeekEffect {
  const logs = weeks.map((hours) => (hours === null ? [] : hours.filter((h) => h > 0).map(Math.log)));
  const used = logs.filter((l) => l.length > 0);
  const N = used.reduce((s, l) => s + l.length, 0);
  const J = used.length;
  const none = { sd: 0, persistence: 0, logFactors: weeks.map(() => 0) };
  if (J < 2 || N <= J) return none;
  const mean = (l: readonly number[]) => l.reduce((a, b) => a + b, 0) / l.length;
  const mu = used.reduce((s, l) => s + l.reduce((a, b) => a + b, 0), 0) / N;
  let ssw = 0;
  let ssb = 0;
  let squares = 0;
  for (const l of used) {
    const m = mean(l);
    for (const x of l) ssw += (x - m) ** 2;
    ssb += l.length * (m - mu) ** 2;
    squares += l.length * l.length;
  }
  const within = ssw / (N - J);
  const n0 = (N - squares / N) / (J - 1);
  const between = Math.max(0, (ssb / (J - 1) - within) / n0);
  if (between === 0) return none;
  let products = 0;
  let pairs = 0;
  for (let j = 1; j < logs.length; j++) {
    if (logs[j - 1]!.length === 0 || logs[j]!.length === 0) continue;
    products += (mean(logs[j - 1]!) - mu) * (mean(logs[j]!) - mu);
    pairs++;
  }
  return {
    sd: Math.sqrt(between),
    persistence: pairs === 0 ? 0 : Math.min(MAX_PERSISTENCE, Math.max(0, products / pairs / between)),
    logFactors: logs.map((l) =>
      l.length === 0 ? 0 : ((mean(l) - mu) * between) / (between + within / l.length),
    ),
  };
}
