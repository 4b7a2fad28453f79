/**
 * Survivors of server/middleware/reused-responses.ts that no test can tell from the code (see
 * ../triage.ts): a repeated GET answered from memory gets the full path's answer (the point of
 * the middleware), so a mutant that only answers fewer requests from memory changes speed alone.
 */
import { type Equivalent, equivalentRows } from './equivalent';

const FILE = 'server/middleware/reused-responses.ts';
const GUARD = "    if (request.method !== 'GET' || !authorization?.startsWith('Bearer ')) return undefined;";
const STALE = '    if (entry.dataVersion !== dataVersion() || clock().getTime() >= entry.heldUntil) {';
const STORE =
  "      if (!reusable || principal?.kind !== 'token' || (c.res.status !== 200 && c.res.status !== 304)) return;";

export const reusedResponses: Equivalent[] = [
  ...equivalentRows(
    FILE,
    'answers fewer repeated GETs from memory (or none), which then take the full path to the same answer: speed only',
    [
      [GUARD, 'BooleanLiteral', "authorization?.startsWith('Bearer ')"],
      [GUARD, 'MethodExpression', "authorization?.endsWith('Bearer ')"],
      // startsWith(''): any Authorization header is looked up, but only a bearer token's answers are kept.
      [GUARD, 'StringLiteral', '""'],
      [STALE, 'ConditionalExpression', 'true'],
      ["      const reusable = c.get('reusable');", 'StringLiteral', '""'],
      ["      const principal = c.get('principal');", 'StringLiteral', '""'],
      [STORE, 'ConditionalExpression', 'true'],
      [STORE, 'EqualityOperator', "principal?.kind === 'token'"],
      [STORE, 'StringLiteral', '""'],
      [STORE, 'LogicalOperator', 'c.res.status !== 200 || c.res.status !== 304'],
      [STORE, 'EqualityOperator', 'c.res.status === 200'],
    ],
  ),
  ...equivalentRows(
    FILE,
    'a route marks an answer reusable only as it sends it (200 or 304) to an authenticated principal, and an answer kept for a session is never looked up (no Bearer header): memory only',
    [
      [STORE, 'ConditionalExpression', 'false'],
      [STORE, 'OptionalChaining', 'principal.kind'],
    ],
  ),
  {
    file: FILE,
    line: '    if (version === undefined) {',
    mutator: 'ConditionalExpression',
    replacement: 'true',
    reason:
      'reads data_version for every request instead of once per event-loop turn: a write seen sooner sends a request down the full path to the same answer (speed only)',
  },
];
