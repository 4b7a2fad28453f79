import type { ClosureScratch } from './closure-scratch';
import { anchorQueue, newAnchor, overloadedAnchor, type QueueAnchor, type QueueLoad } from './queue-closure';

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
/** Values per grid point: noise, wait shift, wait scale, excess cv^2. */
const FIELDS = 4;
/** Tables kept at most (one per distinct team size and review-time cv). */
const MAX_TABLES = 4096;

const tables = new Map<string, Float64Array>();

const build = (servers: number, serviceCv2: number, c: ClosureScratch): Float64Array => {
  const table = new Float64Array(POINTS * FIELDS);
  const a = newAnchor();
  for (let i = 0; i < POINTS; i++) {
    const rho = -Math.expm1(-(X_MIN + i * STEP));
    anchorQueue({ arrivals: rho, capacity: 1, servers, serviceCv2 }, c, a);
    table.set([a.noise, a.waitShift, a.waitScale, a.excessCv2], i * FIELDS);
  }
  return table;
};

const tableFor = (servers: number, serviceCv2: number, c: ClosureScratch): Float64Array => {
  const key = `${servers}|${serviceCv2}`;
  let table = tables.get(key);
  if (table === undefined) {
    if (tables.size >= MAX_TABLES) tables.clear();
    table = build(servers, serviceCv2, c);
    tables.set(key, table);
  }
  return table;
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
  const held = c.table;
  if (held.values === null || held.servers !== r.servers || held.serviceCv2 !== r.serviceCv2) {
    held.values = tableFor(r.servers, r.serviceCv2, c);
    held.servers = r.servers;
    held.serviceCv2 = r.serviceCv2;
  }
  const table = held.values;
  const rho = arrivals / capacity;
  const x = Math.min(X_MAX, Math.max(X_MIN, -Math.log1p(-rho)));
  const at = Math.min(POINTS - 2, Math.floor((x - X_MIN) / STEP));
  const t = (x - X_MIN) / STEP - at;
  const taper = rho > TAPER_FROM ? (rho - TAPER_FROM) / (1 - TAPER_FROM) : 0;
  const i = at * FIELDS;
  const j = i + FIELDS;
  const noise = table[i]! + t * (table[j]! - table[i]!);
  const shift = table[i + 1]! + t * (table[j + 1]! - table[i + 1]!);
  const scale = table[i + 2]! + t * (table[j + 2]! - table[i + 2]!);
  const cv2 = table[i + 3]! + t * (table[j + 3]! - table[i + 3]!);
  out.noise = noise + taper * (out.noise - noise);
  out.waitShift = shift + taper * (out.waitShift - shift);
  out.waitScale = scale + taper * (out.waitScale - scale);
  out.excessCv2 = cv2 + taper * (out.excessCv2 - cv2);
};
