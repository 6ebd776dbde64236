/**
 * Misra-Gries frequent-items summary with weights, reduced in batches: it holds up to 2k candidates;
 * when it passes that, the (k+1)-th largest count δ is taken from every candidate and those left at
 * zero go. Each reduction takes at least (k+1)·δ of the weight added, so over all of them a value
 * loses at most total/(k+1): any value occurring more than total/(k+1) times among those added is
 * certain to be a candidate. Counts are lower bounds; a second pass counts the candidates exactly.
 * A batch costs O(k log k) and comes at most once per k new values (one at a time: O(k) per value).
 */
export class HeavyHitters<K> {
  private readonly counts = new Map<K, number>();

  constructor(readonly k = 1000) {}

  add(key: K, count: number): void {
    const hit = this.counts.get(key);
    this.counts.set(key, (hit ?? 0) + count);
    if (hit === undefined && this.counts.size > 2 * this.k) this.reduce();
  }

  /** The candidates and their lower-bound counts (at most 2k). */
  entries(): [K, number][] {
    return [...this.counts];
  }

  private reduce(): void {
    const sorted = Float64Array.from(this.counts.values()).sort();
    const delta = sorted[sorted.length - 1 - this.k];
    for (const [key, c] of this.counts) {
      if (c <= delta) this.counts.delete(key);
      else this.counts.set(key, c - delta);
    }
  }
}
