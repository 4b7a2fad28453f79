/**
 * A bounded least-recently-used map: at most `maxEntries` entries and at most `maxWeight` total
 * weight (e.g. bytes, as `weigh` measures them); the least recently read or written entries go
 * first. An entry heavier than `maxWeight` on its own is not kept.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, { value: V; weight: number }>();
  private weight = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxWeight = Number.POSITIVE_INFINITY,
    private readonly weigh: (value: V) => number = () => 0,
  ) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1)
      throw new RangeError('maxEntries must be an integer >= 1');
    if (!(maxWeight > 0)) throw new RangeError('maxWeight must be > 0');
  }

  /** Number of entries held. */
  get size(): number {
    return this.entries.size;
  }

  /** Total weight held. */
  get totalWeight(): number {
    return this.weight;
  }

  /** The value under `key` (now the most recently used), or undefined. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores `value` under `key` as the most recently used, evicting the oldest entries beyond the bounds. */
  set(key: K, value: V): void {
    this.delete(key);
    const weight = this.weigh(value);
    if (weight > this.maxWeight) return;
    this.entries.set(key, { value, weight });
    this.weight += weight;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.weight <= this.maxWeight) break;
      this.entries.delete(oldest);
      this.weight -= entry.weight;
    }
  }

  /** Removes the entry under `key`, if any. */
  delete(key: K): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.weight -= entry.weight;
  }
}
