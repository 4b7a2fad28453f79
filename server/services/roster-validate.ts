import type { LineError } from '../errors';
import type { CsvRecord } from './csv-records';

/** Control characters (C0 with NUL, DEL, C1): never part of an id or a team name. */
const controlCharacter = /\p{Cc}/u;

export const rosterColumns = [
  'employee_id',
  'team',
  'level',
  'hire_date',
  'manager_id',
  'email',
  'github',
] as const;
const requiredColumns = rosterColumns.slice(0, 4);

/** One valid roster row. */
export interface RosterRow {
  externalId: string;
  team: string;
  level: string;
  hireDate: string;
  managerId: string | null;
  /** Lower-cased commit emails (the `email` cell, several separated by `;` or spaces). */
  emails: string[];
  /** Lower-cased GitHub login, or null. */
  github: string | null;
}

/** One address: something@something, no spaces or angle brackets. */
const emailPattern = /^[^\s@<>]+@[^\s@<>]+$/;
/** A GitHub login: letters, digits and single hyphens, at most 39 characters. */
const githubPattern = /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i;

/** Splits an `email` cell into lower-cased addresses. */
export const splitEmails = (cell: string): string[] =>
  cell
    .split(/[;\s]+/)
    .filter(Boolean)
    .map((e) => e.toLowerCase());

/** Validated rows, or every problem found (by line and column). */
export type RosterCheck = { ok: true; rows: RosterRow[] } | { ok: false; errors: LineError[] };

/** A real calendar date written YYYY-MM-DD (2021-02-30 is not). */
function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function headerIndex(header: CsvRecord, errors: LineError[]): Map<string, number> {
  const index = new Map<string, number>();
  header.fields.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (!(rosterColumns as readonly string[]).includes(name)) {
      errors.push({
        line: header.line,
        column: raw,
        message: `unknown column (expected ${rosterColumns.join(', ')})`,
      });
    } else if (index.has(name)) {
      errors.push({ line: header.line, column: name, message: 'column appears twice' });
    } else index.set(name, i);
  });
  for (const name of requiredColumns) {
    if (!index.has(name))
      errors.push({ line: header.line, column: name, message: 'required column is missing' });
  }
  return index;
}

/**
 * Checks a parsed roster: header names, field counts, employee_id present and unique, team
 * named, level in the org's ladder (its id or its name, any case: "Mid-level" reads as `mid`), hire_date a real ISO date not after `today` (YYYY-MM-DD),
 * manager_id empty or another employee_id of the file, email empty or addresses, github empty or
 * a GitHub login.
 */
export function validateRoster(
  records: CsvRecord[],
  levels: readonly { id: string; name?: string | undefined }[],
  today: string,
): RosterCheck {
  const levelOf = new Map<string, string>();
  for (const level of levels) {
    if (level.name) levelOf.set(level.name.toLowerCase(), level.id);
    levelOf.set(level.id.toLowerCase(), level.id);
  }
  const accepted = levels.map((l) => (l.name ? `${l.id} (${l.name})` : l.id)).join(', ');
  const errors: LineError[] = [];
  const [header, ...body] = records;
  if (!header) return { ok: false, errors: [{ line: 1, column: '', message: 'the file is empty' }] };
  const index = headerIndex(header, errors);
  if (errors.length > 0) return { ok: false, errors };
  if (body.length === 0)
    return { ok: false, errors: [{ line: header.line, column: '', message: 'the roster has no rows' }] };
  const cell = (r: CsvRecord, name: string) => {
    const i = index.get(name);
    return i === undefined ? '' : (r.fields[i] ?? '').trim();
  };
  const firstLine = new Map<string, number>();
  const rows: RosterRow[] = [];
  const managerLines: { line: number; managerId: string; self: string }[] = [];
  for (const r of body) {
    const bad = (column: string, message: string) => errors.push({ line: r.line, column, message });
    if (r.fields.length !== header.fields.length) {
      bad('', `expected ${header.fields.length} fields, found ${r.fields.length}`);
      continue;
    }
    const row: RosterRow = {
      externalId: cell(r, 'employee_id'),
      team: cell(r, 'team'),
      level: levelOf.get(cell(r, 'level').toLowerCase()) ?? cell(r, 'level'),
      hireDate: cell(r, 'hire_date'),
      managerId: cell(r, 'manager_id') || null,
      emails: splitEmails(cell(r, 'email')),
      github: cell(r, 'github').toLowerCase() || null,
    };
    const badEmail = row.emails.find((e) => !emailPattern.test(e));
    if (badEmail) bad('email', `"${badEmail}" is not an email address`);
    if (row.github && !githubPattern.test(row.github)) bad('github', `"${row.github}" is not a GitHub login`);
    for (const [column, value] of [
      ['employee_id', row.externalId],
      ['team', row.team],
      ['manager_id', row.managerId ?? ''],
    ] as const) {
      if (controlCharacter.test(value)) bad(column, 'must not contain control characters');
    }
    if (!row.externalId) bad('employee_id', 'must not be empty');
    else if (row.externalId.length > 64) bad('employee_id', 'must be at most 64 characters');
    else if (firstLine.has(row.externalId))
      bad('employee_id', `duplicate of line ${firstLine.get(row.externalId)}`);
    else firstLine.set(row.externalId, r.line);
    if (!row.team) bad('team', 'must not be empty');
    else if (row.team.length > 120) bad('team', 'must be at most 120 characters');
    if (!levelOf.has(row.level.toLowerCase()))
      bad('level', `unknown level "${row.level}" (accepted: level id or name, ${accepted})`);
    if (!isIsoDate(row.hireDate)) {
      bad('hire_date', 'must be an ISO date (YYYY-MM-DD)');
    } else if (row.hireDate > today) bad('hire_date', `must not be in the future (after ${today})`);
    if (row.managerId) managerLines.push({ line: r.line, managerId: row.managerId, self: row.externalId });
    rows.push(row);
  }
  for (const m of managerLines) {
    const message =
      m.managerId === m.self ? 'must not be the employee themselves' : 'no employee_id in the file';
    if (m.managerId === m.self || !firstLine.has(m.managerId))
      errors.push({ line: m.line, column: 'manager_id', message });
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, rows };
}
