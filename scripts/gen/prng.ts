/** mulberry32: a tiny, fast, seedable PRNG so every run writes the same bytes. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An index in [0, n) skewed towards small values (roughly Zipf-like), as real name lists are. */
export function skewed(random: () => number, n: number, power = 2.2): number {
  return Math.min(n - 1, Math.floor(n * Math.pow(random(), power)));
}
