import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NodeFileSource, recycleRead } from '../../src/source/nodeFileSource';

const dir = mkdtempSync(join(tmpdir(), 'recycle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A 5 MiB file whose byte i is (i * 7 + (i >> 16)) & 255: a wrong offset or a stale buffer shows. */
function file(): { path: string; bytes: Uint8Array } {
  const bytes = new Uint8Array(5 << 20);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7 + (i >> 16)) & 255;
  const path = join(dir, 'bytes.bin');
  writeFileSync(path, bytes);
  return { path, bytes };
}

/** Byte equality by memcmp (vitest's toEqual walks MBs element by element). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);

describe('recycleRead', () => {
  it('has the next big read fill a buffer given back, with exactly the bytes asked for', async () => {
    const { path, bytes } = file();
    const source = await NodeFileSource.open(path);
    const first = await source.read(100, 3 << 20);
    expect(same(first, bytes.subarray(100, 100 + (3 << 20)))).toBe(true);
    recycleRead(first);
    const second = await source.read(4096, 2 << 20); // smaller: fits the buffer given back
    expect(second.buffer).toBe(first.buffer);
    expect(second.length).toBe(2 << 20);
    expect(same(second, bytes.subarray(4096, 4096 + (2 << 20)))).toBe(true);
    const third = await source.read(0, 4 << 20); // bigger than any buffer given back, and the one given back is out again
    expect(third.buffer).not.toBe(first.buffer);
    expect(same(third, bytes.subarray(0, 4 << 20))).toBe(true);
    await source.close();
  });

  it('ignores bytes it did not hand out, small reads, and a buffer given back twice', async () => {
    const { path, bytes } = file();
    const source = await NodeFileSource.open(path);
    recycleRead(new Uint8Array(4 << 20)); // not from a read
    const small = await source.read(0, 1000);
    recycleRead(small); // small reads are never reused
    const big = await source.read(0, 2 << 20);
    expect(big.buffer).not.toBe(small.buffer);
    recycleRead(big);
    recycleRead(big); // once only: two reads must never share it
    const a = await source.read(1 << 20, 2 << 20);
    const b = await source.read(2 << 20, 2 << 20);
    expect(a.buffer).toBe(big.buffer);
    expect(b.buffer).not.toBe(a.buffer);
    expect(same(a, bytes.subarray(1 << 20, 3 << 20))).toBe(true);
    expect(same(b, bytes.subarray(2 << 20, 4 << 20))).toBe(true);
    await source.close();
  });
});
