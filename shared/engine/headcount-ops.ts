/** A dated headcount change for one team; `level` -1 means every level. */
export interface HeadcountOp {
  week: number;
  kind: 'layoff-percent' | 'layoff-count' | 'hire' | 'promotion';
  level: number;
  toLevel: number;
  /** Percent (layoff-percent) or people (the others). */
  amount: number;
}

/** Removes `amount` people from the level, never below zero; returns how many left. */
const remove = (h: Float64Array, l: number, amount: number): number => {
  const removed = Math.min(h[l]!, amount);
  h[l] = h[l]! - removed;
  return removed;
};

/**
 * Applies one op to headcount `h` (per level). With `whole` (Monte Carlo) people are whole:
 * percentages and proportional shares round to the nearest person.
 */
export const applyHeadcountOp = (h: Float64Array, op: HeadcountOp, whole: boolean): void => {
  const round = whole ? Math.round : (x: number) => x;
  const levels = op.level < 0 ? Array.from(h.keys()) : [op.level];
  switch (op.kind) {
    case 'hire':
      h[op.level] = h[op.level]! + op.amount;
      return;
    case 'promotion': {
      const moved = remove(h, op.level, op.amount);
      h[op.toLevel] = h[op.toLevel]! + moved;
      return;
    }
    case 'layoff-percent':
      for (const l of levels) remove(h, l, round((h[l]! * op.amount) / 100));
      return;
    case 'layoff-count': {
      const total = levels.reduce((sum, l) => sum + h[l]!, 0);
      if (total <= 0) return;
      const share = Math.min(op.amount, total) / total;
      for (const l of levels) remove(h, l, round(h[l]! * share));
      return;
    }
  }
};
