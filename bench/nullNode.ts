/**
 * A 240-byte stream whose one Null column claims 10⁹ rows (the hostile-inputs issue): open, a row
 * window at the end and its unique count, through the engine the app's worker uses, median of 3
 * fresh engines each. Work that grew with the row count (64 s to count before) must stay flat.
 */
import { Field, Null, RecordBatch, RecordBatchStreamWriter, Schema, Struct, makeData } from 'apache-arrow';
import { Engine } from '../src/worker/engine';
import { BlobSource } from '../src/source/blobSource';
import { median } from './median';

const ROWS = 1_000_000_000;

export interface NullFigures {
  bytes: number;
  openMs: number;
  lastRowsMs: number;
  uniqueMs: number;
  uniqueText: string;
}

function nullStream(): Uint8Array {
  const schema = new Schema([new Field('nothing', new Null(), true)]);
  const batch = new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: ROWS, nullCount: 0, children: [makeData({ type: new Null(), length: ROWS })] }));
  return RecordBatchStreamWriter.writeAll([batch]).toUint8Array(true);
}

export async function measureNullColumn(): Promise<NullFigures> {
  const bytes = nullStream();
  const open: number[] = [];
  const last: number[] = [];
  const unique: number[] = [];
  let uniqueText = '';
  for (let run = 0; run < 3; run++) {
    const engine = new Engine();
    let t = performance.now();
    const summary = await engine.openSource(new BlobSource(new Blob([bytes as BlobPart]), 'nulls.arrows'), true);
    open.push(performance.now() - t);
    t = performance.now();
    const window = await engine.rows(summary.id, ROWS - 64, 64, [0]);
    last.push(performance.now() - t);
    if (window.columns[0].some((v) => v !== null)) throw new Error('a Null column showed a value');
    t = performance.now();
    const counted = await engine.unique(summary.id, 0, () => {});
    unique.push(performance.now() - t);
    uniqueText = `${counted.rows.toLocaleString('en-US')} rows, ${counted.distinct} distinct, ${counted.nulls.toLocaleString('en-US')} nulls`;
  }
  return { bytes: bytes.length, openMs: median(open), lastRowsMs: median(last), uniqueMs: median(unique), uniqueText };
}

export const nullRows = (f: NullFigures): string[] => [
  '| file | open (ms) | last 64 rows (ms) | unique count (ms) | unique summary |',
  '|---|---|---|---|---|',
  `| Null column of 10⁹ rows (${f.bytes} bytes, IPC stream) | ${f.openMs.toFixed(1)} | ${f.lastRowsMs.toFixed(1)} | ${f.uniqueMs.toFixed(1)} | ${f.uniqueText} |`,
];
