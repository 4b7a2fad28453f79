/** Erlang C by the textbook sum (independent of the engine's recursion): P(wait) in M/M/c at offered load `a` (erlangs). */
export const erlangC = (c: number, a: number): number => {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const top = ((term * a) / c) * (c / (c - a));
  return top / (sum + top);
};
