/**
 * ZSTD decode of one 128 MiB IPC buffer: the app's codec path (src/arrow/codecs.ts: frame headers
 * checked, then fzstd) against fzstd called directly, median of 3 each, and fzstd given a
 * preallocated output once (the call the app made before, for reference). The frame is made by the
 * zstd command (level 3) from int64-like column data; without that command the step is skipped.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompressionType } from 'apache-arrow';
import { decompress } from 'fzstd';
import { decompressBuffer } from '../src/arrow/codecs';
import { median } from './median';

export interface ZstdFigures {
  mib: number;
  compressedMiB: number;
  oursMs: number;
  fzstdMs: number;
  preallocatedMs: number;
}

function time(f: () => Uint8Array, expected: number): number {
  const started = performance.now();
  const out = f();
  const ms = performance.now() - started;
  if (out.length !== expected) throw new Error(`decoded ${out.length} bytes, expected ${expected}`);
  return ms;
}

/** Figures for one 128 MiB frame, or null when the zstd command is missing. */
export function measureZstd(): ZstdFigures | null {
  const size = 128 * 1024 * 1024;
  const raw = new Uint8Array(size);
  const view = new DataView(raw.buffer);
  let seed = 1;
  for (let i = 0; i < size / 8; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    view.setBigInt64(i * 8, BigInt(i * 3 + (seed & 0xff)), true); // ascending ids with a little noise
  }
  const dir = mkdtempSync(join(tmpdir(), 'arrowscope-zstd-'));
  try {
    writeFileSync(join(dir, 'raw'), raw);
    try {
      execFileSync('zstd', ['-q', '-3', join(dir, 'raw'), '-o', join(dir, 'raw.zst')]);
    } catch {
      return null;
    }
    const frame = new Uint8Array(readFileSync(join(dir, 'raw.zst')));
    const ours: number[] = [];
    const direct: number[] = [];
    for (let run = 0; run < 3; run++) {
      ours.push(time(() => decompressBuffer(CompressionType.ZSTD, frame, size), size));
      direct.push(time(() => decompress(frame), size));
    }
    const preallocatedMs = time(() => decompress(frame, new Uint8Array(size)), size);
    return { mib: size / 2 ** 20, compressedMiB: frame.length / 2 ** 20, oursMs: median(ours), fzstdMs: median(direct), preallocatedMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function zstdRows(f: ZstdFigures | null): string[] {
  if (!f) return ['(skipped: the `zstd` command is not installed)'];
  const fmt = (n: number) => n.toFixed(0);
  return [
    '| buffer | compressed | Arrowscope (codecs.ts) ms | fzstd direct ms | ratio | fzstd with a preallocated output (old call) ms |',
    '|---|---|---|---|---|---|',
    `| ${f.mib} MiB | ${f.compressedMiB.toFixed(1)} MiB | ${fmt(f.oursMs)} | ${fmt(f.fzstdMs)} | ${(f.oursMs / f.fzstdMs).toFixed(2)} | ${fmt(f.preallocatedMs)} |`,
  ];
}
