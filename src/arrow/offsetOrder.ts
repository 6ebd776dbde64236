/** The first i in (from, to] where offsets[i] < offsets[i - 1], or -1 when they never decrease. */
export function firstDecrease(offsets: Int32Array, from: number, to: number): number {
  let prev = offsets[from];
  for (let i = from + 1; i <= to; i++) {
    const next = offsets[i];
    if (next < prev) return i;
    prev = next;
  }
  return -1;
}
