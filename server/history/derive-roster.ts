import type { Level } from '../../shared/index';
import type { ImportedChange } from './change';
import { dayLabel } from './weeks';

/** One person placed on a derived roster. */
export interface DerivedPerson {
  identity: string;
  level: string;
  /** The day of their first change in the history, YYYY-MM-DD. */
  hireDate: string;
}

/**
 * A roster from history: everyone who signed off someone else's change gets the highest level
 * that may sign off; the other authors are ranked by changes authored and split into equal
 * groups over the remaining levels, most changes -> highest remaining level. `levels` is the
 * ladder, lowest first. People are listed by level (highest first), then by volume.
 */
export function deriveRoster(changes: readonly ImportedChange[], levels: readonly Level[]): DerivedPerson[] {
  const top = levels.findLast((l) => l.canSignOff);
  if (!top) return [];
  const rest = levels.filter((l) => l !== top).reverse();
  const authored = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  const signers = new Set<string>();
  const see = (identity: string, at: number) =>
    firstSeen.set(identity, Math.min(firstSeen.get(identity) ?? at, at));
  for (const change of changes) {
    authored.set(change.author, (authored.get(change.author) ?? 0) + 1);
    see(change.author, change.authoredAt);
    if (change.signer) {
      signers.add(change.signer);
      see(change.signer, change.signedOffAt ?? change.authoredAt);
    }
  }
  const byVolume = [...authored.entries()]
    .filter(([identity]) => !signers.has(identity))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([identity]) => identity);
  const person = (identity: string, level: string): DerivedPerson => ({
    identity,
    level,
    hireDate: dayLabel(firstSeen.get(identity)!),
  });
  const ranked = [...signers]
    .sort((a, b) => (authored.get(b) ?? 0) - (authored.get(a) ?? 0) || (a < b ? -1 : 1))
    .map((identity) => person(identity, top.id));
  byVolume.forEach((identity, i) => {
    const level = rest[Math.floor((i * rest.length) / byVolume.length)] ?? top;
    ranked.push(person(identity, level.id));
  });
  return ranked;
}
