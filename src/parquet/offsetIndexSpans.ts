import { SharedTask } from '../model/abortable';
import type { RangeReader } from './coalescedReads';

/**
 * Bytes read on each side of an offset index not read yet: a 64th of the file, from 64 KiB to 512 KiB
 * (W2's 800 offset indexes take 560 KB together, 0.04% of its size).
 */
const around = (size: number) => Math.min(512 * 1024, Math.max(64 * 1024, Math.floor(size / 64)));
/** An offset index bigger than this is read alone. */
const MAX_INDEX = 1024 * 1024;
/** Spans kept (at most 1 MiB each, outside the decoded cache's budget). */
const KEEP = 2;

interface Span {
  start: number;
  end: number;
  task: SharedTask<Uint8Array>;
}

/**
 * Offset indexes read many row groups at a time. Writers put every row group's offset indexes
 * together before the footer (the page index layout of the Parquet format), so the first window in
 * a row group never read before would otherwise wait for a read of its offset indexes before it can
 * read any page. Reading an offset index reads bytes on each side of it too (within the file),
 * and the offset indexes found inside are then served from memory. A file laid out otherwise only
 * reads more bytes: whatever a span holds is parsed and checked as any offset index is.
 */
export class OffsetIndexSpans {
  private spans: Span[] = [];

  constructor(private readonly source: RangeReader) {}

  /** The offset index at [offset, offset + length). */
  async read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
    const end = offset + length;
    let span = this.spans.find((s) => s.start <= offset && end <= s.end && !s.task.abandoned);
    if (!span) {
      if (length > MAX_INDEX) return this.source.read(offset, length, signal);
      const start = Math.max(0, offset - around(this.source.size));
      const stop = Math.min(this.source.size, end + around(this.source.size));
      const task = new SharedTask((s) => this.source.read(start, stop - start, s));
      span = { start, end: stop, task };
      task.promise.catch(() => (this.spans = this.spans.filter((s) => s !== span)));
      this.spans = [span, ...this.spans.filter((s) => !s.task.abandoned)].slice(0, KEEP);
    }
    const bytes = await span.task.wait(signal);
    // A span past the end of a damaged file's bytes is shorter than asked: that index is read alone.
    if (end - span.start > bytes.length) return this.source.read(offset, length, signal);
    return bytes.subarray(offset - span.start, end - span.start);
  }

  clear(): void {
    this.spans = [];
  }
}
