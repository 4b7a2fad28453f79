import type { ClosureScratch } from './closure-scratch';
import { anchorQueue, newAnchor, overloadedAnchor, type QueueAnchor, type QueueLoad } from './queue-closure';
import type { QueueMoments } from './queue-moments';

/**
 * Anchors by load for each (servers, review-time cv^2), tabulated once and interpolated: a load
 * that changes every week (an adoption ramp) would otherwise solve the anchor for every run and
 * week. Grid: x = -ln(1 - rho) in [X_MIN, X_MAX], rho from 1% to {@link TAPER_FROM}; a pure
 * function of its key, so results do not depend on what was tabulated before. From TAPER_FROM
 * to capacity the anchor moves linearly to the overloaded one, so the model has no jump at
 * rho = 1 (an equilibrium that close to saturation takes months to reach anyway).
 */
const TAPER_FROM = 0.98;
const POINTS = 64;
const X_MIN = -Math.log(0.99);
const X_MAX = -Math.log(1 - TAPER_FROM);
const STEP = (X_MAX - X_MIN) / (POINTS - 1);
/** Values per grid point: noise, wait shift, wait scale, excess cv^2, ln of the equilibrium's mean and variance. */
const FIELDS = 6;
/** Tables kept at most (one per distinct team size and review-time cv). */
const MAX_TABLES = 4096;

/** Tables by review-time cv^2, then by whole reviewers. */
const tables = new Map<number, Float64Array[]>();
let tableCount = 0;

const build = (servers: number, serviceCv2: number, c: ClosureScratch): Float64Array => {
  const table = new Float64Array(POINTS * FIELDS);
  const a = newAnchor();
  for (let i = 0; i < POINTS; i++) {
    const rho = -Math.expm1(-(X_MIN + i * STEP));
    anchorQueue({ arrivals: rho, capacity: 1, servers, serviceCv2 }, c, a);
    table.set(
      [a.noise, a.waitShift, a.waitScale, a.excessCv2, Math.log(a.mean), Math.log(a.variance)],
      i * FIELDS,
    );
  }
  return table;
};

const tableFor = (servers: number, serviceCv2: number, c: ClosureScratch): Float64Array => {
  let bySize = tables.get(serviceCv2);
  if (bySize === undefined) {
    if (tableCount >= MAX_TABLES) {
      tables.clear();
      tableCount = 0;
    }
    bySize = [];
    tables.set(serviceCv2, bySize);
  }
  let table = bySize[servers];
  if (table === undefined) {
    table = build(servers, serviceCv2, c);
    bySize[servers] = table;
    tableCount++;
  }
  return table;
};

/** The table of `r`'s team size and review-time cv^2, kept in `c` while they stay the same. */
const heldTable = (r: QueueLoad, c: ClosureScratch): Float64Array => {
  const held = c.table;
  if (held.values === null || held.servers !== r.servers || held.serviceCv2 !== r.serviceCv2) {
    held.values = tableFor(r.servers, r.serviceCv2, c);
    held.servers = r.servers;
    held.serviceCv2 = r.serviceCv2;
  }
  return held.values;
};

/** Grid position of load rho: the point below it and the fraction of the way to the next. */
const grid = { at: 0, t: 0 };

const locate = (rho: number): void => {
  const x = Math.min(X_MAX, Math.max(X_MIN, -Math.log1p(-rho)));
  grid.at = Math.min(POINTS - 2, Math.floor((x - X_MIN) / STEP));
  grid.t = (x - X_MIN) / STEP - grid.at;
};

/** Field f at the located grid position, linear in x. */
const field = (table: Float64Array, f: number): number => {
  const i = grid.at * FIELDS + f;
  return table[i]! + grid.t * (table[i + FIELDS]! - table[i]!);
};

/**
 * The equilibrium of `r`'s load into `out` (mean and variance of the changes in the system; see
 * anchorQueue), log-linear between grid points; solved directly below the grid's first load.
 * Returns false when there is none (no capacity, or a load at or above {@link TAPER_FROM}).
 */
export const stationaryAt = (r: QueueLoad, c: ClosureScratch, out: QueueMoments): boolean => {
  const { arrivals, capacity } = r;
  if (!(capacity > 0) || !(arrivals >= 0)) return false;
  const rho = arrivals / capacity;
  if (rho > TAPER_FROM) return false;
  if (-Math.log1p(-rho) < X_MIN) {
    const a = newAnchor();
    anchorQueue(r, c, a);
    out.mean = Number.isFinite(a.mean) ? a.mean : 0;
    out.variance = Number.isFinite(a.variance) ? a.variance : 0;
    return true;
  }
  const table = heldTable(r, c);
  locate(rho);
  out.mean = Math.exp(field(table, 4));
  out.variance = Math.exp(field(table, 5));
  return true;
};

/**
 * The anchor of `r`'s load into `out` (noise, wait shift, wait scale, excess cv^2; not the
 * equilibrium): linear in x between grid points, the first point below them, tapered to the
 * overloaded anchor above them, that anchor at or above capacity.
 */
export const anchorAt = (r: QueueLoad, c: ClosureScratch, out: QueueAnchor): void => {
  const { arrivals, capacity } = r;
  overloadedAnchor(r.serviceCv2, out);
  if (!(capacity > 0) || !(arrivals > 0) || arrivals >= capacity) return;
  const table = heldTable(r, c);
  const rho = arrivals / capacity;
  locate(rho);
  const taper = rho > TAPER_FROM ? (rho - TAPER_FROM) / (1 - TAPER_FROM) : 0;
  const noise = field(table, 0);
  const shift = field(table, 1);
  const scale = field(table, 2);
  const cv2 = field(table, 3);
  out.noise = noise + taper * (out.noise - noise);
  out.waitShift = shift + taper * (out.waitShift - shift);
  out.waitScale = scale + taper * (out.waitScale - scale);
  out.excessCv2 = cv2 + taper * (out.excessCv2 - cv2);
};
