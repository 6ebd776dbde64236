/** Answers smaller than this say little about throughput: their time is mostly the request's. */
const MIN_BODY_FOR_THROUGHPUT = 32 * 1024;
const KEEP = 16;
/** The widest gap read through rather than asked for apart: a wrong throughput guess costs at most this. */
export const MAX_MERGE_GAP = 4 * 1024 * 1024;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/**
 * What a request to a server costs, from its recent answers: the wait for the answer's headers (its
 * round trip; the least seen, as requests queued behind others wait longer) and the body's bytes per
 * millisecond. Their product is the gap worth reading through rather than making another request.
 */
export class RequestCosts {
  private readonly waits: number[] = [];
  private readonly speeds: number[] = [];

  record(waitMs: number, bodyMs: number, bytes: number): void {
    push(this.waits, waitMs);
    if (bytes >= MIN_BODY_FOR_THROUGHPUT) push(this.speeds, bytes / Math.max(bodyMs, 1));
  }

  /** Bytes between two wanted ranges worth reading to save a request; undefined until an answer is seen. */
  get mergeGap(): number | undefined {
    if (!this.waits.length || !this.speeds.length) return undefined;
    return Math.min(MAX_MERGE_GAP, Math.round(Math.min(...this.waits) * median(this.speeds)));
  }
}

function push(xs: number[], x: number): void {
  xs.push(x);
  if (xs.length > KEEP) xs.shift();
}
