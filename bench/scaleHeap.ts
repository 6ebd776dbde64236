/**
 * What holds the engine's heap once a metadata-heavy file is open, its whole-file column summary
 * counted and a row window read, as the engine worker does it: a V8 heap snapshot summed by
 * constructor (shallow sizes), largest first.
 *
 *   node --expose-gc --max-old-space-size=4000 --import tsx bench/scaleHeap.ts FILE [top]
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { NodeFileSource } from '../src/source/nodeFileSource';
import { Engine } from '../src/worker/engine';
import type { ColumnSummary } from '../src/worker/protocol';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

const [path, top = '20'] = process.argv.slice(2);
const engine = new Engine();
const { id } = await engine.openSource(await NodeFileSource.open(path), true);
let summary: ColumnSummary;
do summary = await engine.columnSummary(id, undefined, undefined, 0, 500);
while (!summary.complete && summary.chunksCounted < summary.limit);
await engine.rows(id, 0, 64, Array.from({ length: 20 }, (_, i) => i));
(globalThis as { gc?: () => void }).gc?.();

const file = writeHeapSnapshot(join(tmpdir(), `arrowscope-heap-${process.pid}.heapsnapshot`));
const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
rmSync(file);
const { node_fields: fields, node_types: [types] } = snap.snapshot.meta;
const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
const byName = new Map<string, { bytes: number; count: number }>();
for (let i = 0; i < snap.nodes.length; i += fields.length) {
  const t = types[snap.nodes[i + type]];
  const key = t === 'object' || t === 'closure' ? snap.strings[snap.nodes[i + name]] : `(${t})`;
  const entry = byName.get(key) ?? { bytes: 0, count: 0 };
  entry.bytes += snap.nodes[i + size];
  entry.count++;
  byName.set(key, entry);
}
const total = [...byName.values()].reduce((s, e) => s + e.bytes, 0);
console.log(`${(total / 2 ** 20).toFixed(1)} MiB in all`);
for (const [key, { bytes, count }] of [...byName].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, Number(top))) {
  console.log(`${(bytes / 2 ** 20).toFixed(1).padStart(7)} MiB ${String(count).padStart(8)} ${key.slice(0, 70)}`);
}
