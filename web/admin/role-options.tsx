import { For } from 'solid-js';
import type { Role } from '../api/types';

export const roleChoices: { role: Role; label: string }[] = [
  { role: 'viewer', label: 'Viewer (reads)' },
  { role: 'planner', label: 'Planner (edits teams and scenarios)' },
  { role: 'admin', label: 'Admin (users, tokens, settings)' },
];

/** The `<option>`s of a role select. */
export const RoleOptions = () => (
  <For each={roleChoices}>{(c) => <option value={c.role}>{c.label}</option>}</For>
);

/** A date-time as the reader's locale writes it, or a dash. */
export const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');
