/** Reads this big or bigger may land in a buffer given back with `recycleRead` (column bodies of a scan). */
export const RECYCLE_MIN = 1024 * 1024;
/** Buffers a source keeps for its next big reads (a scan has a few reads in flight and one being worked on per thread). */
const FREE_MAX = 4;
/** Buffers given back are dropped this long after the last one came back: a finished scan keeps no tens of MB. */
export const FREE_KEEP_MS = 2000;

/** Each buffer a recyclable read filled, still out: its source's buffers and how many readers hold views of it (a buffer never given back is collected). */
const lenders = new WeakMap<ArrayBuffer, { owner: RecycledBuffers; holders: number }>();

/**
 * Gives the buffer under `bytes` (a whole column body from a read asked for as `recyclable`) back to
 * its source, whose next recyclable read fills it again instead of a fresh buffer: a fresh 20 MB buffer
 * costs the kernel more than the copy into it (page faults and zeroing; in Chromium, 2 workers reading
 * W1's `contbr_nm` spent 5.7-6.0 s of CPU into fresh buffers, 2.8-3.0 s into reused ones). Only for a
 * caller that holds the only view of these bytes and never reads them again; bytes of any other read,
 * or given back more often than it was shared, are ignored.
 */
export function recycleRead(bytes: ArrayBufferView): void {
  const buffer = bytes.buffer as ArrayBuffer;
  const lent = lenders.get(buffer);
  if (!lent || --lent.holders > 0) return;
  lenders.delete(buffer);
  lent.owner.takeBack(buffer);
}

/**
 * The buffer under `bytes` (a recyclable read) is handed on as views to `holders` readers (a merged
 * read's): it goes back once each has given its view back with recycleRead (none: at once).
 */
export function shareRead(bytes: ArrayBufferView, holders: number): void {
  const lent = lenders.get(bytes.buffer as ArrayBuffer);
  if (!lent) return;
  lent.holders = holders;
  if (holders === 0) recycleRead(bytes);
}

/** A source's buffers for its recyclable reads: lent with a read, given back by `recycleRead`, filled again by a later read. */
export class RecycledBuffers {
  private readonly free: ArrayBuffer[] = [];
  private dropTimer: ReturnType<typeof setTimeout> | undefined;

  /** The smallest buffer given back that holds `length` bytes (taken out of the free ones), or null. */
  take(length: number): ArrayBuffer | null {
    let best = -1;
    for (let i = 0; i < this.free.length; i++) {
      if (this.free[i].byteLength >= length && (best < 0 || this.free[i].byteLength < this.free[best].byteLength)) best = i;
    }
    return best < 0 ? null : this.free.splice(best, 1)[0];
  }

  /** Marks `buffer` as out with a read's bytes, to come back through `recycleRead`. */
  lend(buffer: ArrayBuffer): void {
    lenders.set(buffer, { owner: this, holders: 1 });
  }

  /** A buffer recycleRead gave back: kept for the next big read (the smallest dropped past FREE_MAX). */
  takeBack(buffer: ArrayBuffer): void {
    this.free.push(buffer);
    if (this.free.length > FREE_MAX) {
      this.free.sort((a, b) => b.byteLength - a.byteLength);
      this.free.length = FREE_MAX;
    }
    clearTimeout(this.dropTimer);
    this.dropTimer = setTimeout(() => this.clear(), FREE_KEEP_MS);
    // In Node, a timer of its own must not keep the process (the CLI) running once its work is done.
    (this.dropTimer as { unref?: () => void }).unref?.();
  }

  clear(): void {
    clearTimeout(this.dropTimer);
    this.free.length = 0;
  }
}
