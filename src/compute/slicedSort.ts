/** Elements sorted or merged between two chances to yield (a few milliseconds). */
const STEP = 32_768;

/**
 * Sorts `list` (stable) in steps that yield between them, so that sorting millions of values never
 * holds the thread for more than a few milliseconds: runs of STEP elements sorted natively, then
 * merged pairwise, a step of elements at a time. Returns the sorted array (not always `list`).
 */
export function* sortSteps<T>(list: T[], compare: (a: T, b: T) => number): Generator<void, T[]> {
  const n = list.length;
  let from = list;
  for (let start = 0; start < n; start += STEP) {
    const run = from.slice(start, start + STEP).sort(compare);
    for (let i = 0; i < run.length; i++) from[start + i] = run[i];
    yield;
  }
  if (n <= STEP) return from;
  let to: T[] = new Array<T>(n);
  for (let width = STEP; width < n; width *= 2) {
    let done = 0;
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let a = lo;
      let b = mid;
      for (let k = lo; k < hi; k++) {
        to[k] = a < mid && (b >= hi || compare(from[b], from[a]) >= 0) ? from[a++] : from[b++];
        if (++done % STEP === 0) yield;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Runs a generator of steps to its end at once (for callers that do not yield). */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
