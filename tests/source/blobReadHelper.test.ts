import { resolveObjectURL } from 'node:buffer';
import { afterEach, describe, expect, it } from 'vitest';
import { BlobSource } from '../../src/source/blobSource';

/**
 * Node has no Worker: this stand-in runs the script the helper starts (the text behind its blob: URL)
 * in this thread with its own `self`, delivering messages both ways in later tasks, buffers transferred.
 * Per worker it records each message in and out, and how many slices the asking thread's Blob had made
 * when each message in was posted.
 */
class StandInWorker {
  static started: StandInWorker[] = [];
  static slicesMade = () => 0;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  readonly posted: { data: unknown; slicesBefore: number }[] = [];
  readonly answered: unknown[] = [];
  private readonly self: { onmessage: ((e: { data: unknown }) => void) | null; postMessage(data: unknown, transfer?: ArrayBuffer[]): void };
  private readonly ready: Promise<void>;

  constructor(url: string) {
    StandInWorker.started.push(this);
    this.self = {
      onmessage: null,
      postMessage: (data, transfer) => {
        const copy = structuredClone(data, { transfer });
        this.answered.push(copy);
        setTimeout(() => this.onmessage?.({ data: copy }));
      },
    };
    this.ready = resolveObjectURL(url)!
      .text()
      .then((source) => new Function('self', source)(this.self));
  }

  postMessage(data: unknown): void {
    this.posted.push({ data, slicesBefore: StandInWorker.slicesMade() });
    void this.ready.then(() => setTimeout(() => this.self.onmessage?.({ data })));
  }

  terminate(): void {}
}

const realWorker = (globalThis as { Worker?: unknown }).Worker;
afterEach(() => {
  (globalThis as { Worker?: unknown }).Worker = realWorker;
  StandInWorker.started = [];
});

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

/** A 64 MiB Blob (the helper's smallest file) whose bytes say where they are, counting the slices made of it. */
function countedBlob(): { blob: Blob; bytes: Uint8Array; slices: () => number } {
  const bytes = new Uint8Array(64 * 1024 * 1024);
  for (let i = 0; i < bytes.length; i += 4096) bytes[i] = (i / 4096) & 0xff;
  const blob = new Blob([bytes]);
  let n = 0;
  const slice = blob.slice.bind(blob);
  blob.slice = (...args: Parameters<Blob['slice']>) => {
    n++;
    return slice(...args);
  };
  return { blob, bytes, slices: () => n };
}

describe('the read helper (a second worker reading the same Blob)', () => {
  it('takes half of a wave of small reads, and is asked before this thread makes its own slices', async () => {
    (globalThis as { Worker?: unknown }).Worker = StandInWorker;
    const { blob, bytes, slices } = countedBlob();
    StandInWorker.slicesMade = slices;
    const source = new BlobSource(blob, 'big.bin', { helper: true });
    const ranges = Array.from({ length: 38 }, (_, i) => [i * 1_700_000 + 13, 40_000 + i * 997] as const);
    const got = await Promise.all(ranges.map(([o, n]) => source.read(o, n)));
    // Compared as Buffers: a deep equality of 38 arrays of ~60,000 bytes takes vitest half a minute.
    ranges.forEach(([o, n], i) => expect(same(got[i], bytes.subarray(o, o + n)), `read ${i}`).toBe(true));

    const [worker] = StandInWorker.started;
    const asks = worker.posted.map((p) => p.data as { reads?: unknown[] }).filter((d) => d.reads);
    expect(asks).toHaveLength(1);
    expect(asks[0].reads!.length).toBeGreaterThanOrEqual(17);
    expect(asks[0].reads!.length).toBeLessThanOrEqual(19);
    // The first two reads stay on this thread; its others wait until the helper has its share.
    expect(worker.posted.find((p) => (p.data as { reads?: unknown[] }).reads)!.slicesBefore).toBe(2);
    expect(worker.answered).toHaveLength(asks[0].reads!.length);
    expect(source.stats.reads).toBe(38);
  });

  it('one or two reads at a time stay on this thread', async () => {
    (globalThis as { Worker?: unknown }).Worker = StandInWorker;
    const { blob, bytes, slices } = countedBlob();
    StandInWorker.slicesMade = slices;
    const source = new BlobSource(blob, 'big.bin', { helper: true });
    const got = await Promise.all([source.read(100, 10), source.read(50_000_000, 20)]);
    expect(same(got[0], bytes.subarray(100, 110))).toBe(true);
    expect(same(got[1], bytes.subarray(50_000_000, 50_000_020))).toBe(true);
    expect(StandInWorker.started[0].posted.filter((p) => (p.data as { reads?: unknown[] }).reads)).toHaveLength(0);
  });
});
