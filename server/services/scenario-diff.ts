/** One difference between two JSON values at `path` (e.g. `events[1].percent`). */
export interface Change {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  from?: unknown;
  to?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/**
 * Structural diff of two JSON values: objects by key, arrays by index (an event inserted in the
 * middle shows as changes after it plus one addition), anything else by value.
 */
export function diffJson(from: unknown, to: unknown, path = ''): Change[] {
  if (Array.isArray(from) && Array.isArray(to)) {
    const changes: Change[] = [];
    for (let i = 0; i < Math.max(from.length, to.length); i += 1) {
      if (i >= to.length) changes.push({ path: join(path, i), kind: 'removed', from: from[i] });
      else if (i >= from.length) changes.push({ path: join(path, i), kind: 'added', to: to[i] });
      else changes.push(...diffJson(from[i], to[i], join(path, i)));
    }
    return changes;
  }
  if (isObject(from) && isObject(to)) {
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
    return keys.flatMap((key) => {
      if (!(key in to)) return [{ path: join(path, key), kind: 'removed' as const, from: from[key] }];
      if (!(key in from)) return [{ path: join(path, key), kind: 'added' as const, to: to[key] }];
      return diffJson(from[key], to[key], join(path, key));
    });
  }
  return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ path, kind: 'changed', from, to }];
}
