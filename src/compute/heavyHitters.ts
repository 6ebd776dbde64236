/**
 * Misra-Gries frequent-items summary with weights: keeps at most `k` candidates, and any value
 * occurring more than total/(k+1) times among those added is certain to be one of them. Counts are
 * lower bounds; a second pass counts the candidates exactly.
 */
export class HeavyHitters<K> {
  private readonly counts = new Map<K, number>();

  constructor(readonly k = 1000) {}

  add(key: K, count: number): void {
    const hit = this.counts.get(key);
    if (hit !== undefined) {
      this.counts.set(key, hit + count);
      return;
    }
    let rest = count;
    while (rest > 0 && this.counts.size >= this.k) {
      let least = rest;
      for (const c of this.counts.values()) if (c < least) least = c;
      for (const [key2, c] of this.counts) {
        if (c === least) this.counts.delete(key2);
        else this.counts.set(key2, c - least);
      }
      rest -= least;
    }
    if (rest > 0) this.counts.set(key, rest);
  }

  entries(): [K, number][] {
    return [...this.counts];
  }
}
