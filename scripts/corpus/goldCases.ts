import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { DatasetError } from '../../src/model/errors';
import { openDataset } from '../../src/dataset/openDataset';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { dictionariesOf, expectedColumn, type IntegrationJson } from './integrationJson';
import { normalizeData } from './normalizeData';

export interface CaseResult {
  file: string;
  status: 'pass' | 'fail' | 'unsupported';
  detail?: string;
}

const UNSUPPORTED = /unsupported|not supported|Unrecognized type/i;

function firstDifference(got: (string | null)[], want: (string | null)[]): string | null {
  if (got.length !== want.length) return `length ${got.length}, expected ${want.length}`;
  for (let i = 0; i < want.length; i++) if (got[i] !== want[i]) return `row ${i}: got ${JSON.stringify(got[i])}, expected ${JSON.stringify(want[i])}`;
  return null;
}

/** Row windows checked per column: unaligned starts, a single row, the tail. */
function windows(rows: number): [number, number][] {
  const list: [number, number][] = [[0, Math.min(rows, 3)], [1, Math.min(rows, 6)], [Math.max(0, rows - 3), rows], [Math.floor(rows / 2), Math.floor(rows / 2) + 1]];
  return list.filter(([a, b]) => a < b && b <= rows);
}

/** Checks one IPC stream or file against its integration JSON: schema, batches, rows, every value. */
export async function checkGoldCase(file: string, jsonPath: string): Promise<CaseResult[]> {
  // Quote bare integers too large for a double (e.g. interval nanoseconds) so they survive JSON.parse.
  const text = gunzipSync(readFileSync(jsonPath)).toString('utf8').replace(/(:\s*)(-?\d{16,})(?=\s*[,}\]])/g, '$1"$2"');
  const json = JSON.parse(text) as IntegrationJson;
  const source = await NodeFileSource.open(file);
  let dataset;
  try {
    dataset = await openDataset(source);
  } catch (e) {
    const message = (e as Error).message;
    return [{ file, status: e instanceof DatasetError && UNSUPPORTED.test(message) ? 'unsupported' : 'fail', detail: `open: ${message}` }];
  }
  const results: CaseResult[] = [];
  try {
    await dataset.indexed;
    const fail = (detail: string) => results.push({ file, status: 'fail', detail });
    const names = dataset.fields.map((f) => `${f.name}:${f.nullable}`);
    const wantNames = json.schema.fields.map((f) => `${f.name}:${f.nullable}`);
    if (names.join('|') !== wantNames.join('|')) fail(`schema ${names.join(', ')} != ${wantNames.join(', ')}`);
    if (dataset.chunks.length !== json.batches.length) fail(`${dataset.chunks.length} batches, expected ${json.batches.length}`);
    const dicts = dictionariesOf(json);
    for (let b = 0; b < Math.min(dataset.chunks.length, json.batches.length); b++) {
      if (dataset.chunks[b].rows !== json.batches[b].count) fail(`batch ${b}: ${dataset.chunks[b].rows} rows, expected ${json.batches[b].count}`);
      for (let c = 0; c < json.schema.fields.length; c++) {
        const where = `batch ${b} column ${c} (${json.schema.fields[c].name})`;
        const want = expectedColumn(json, b, c, dicts);
        try {
          const whole = await dataset.readColumn(b, c);
          const diff = firstDifference(normalizeData(whole.data[0]), want);
          if (diff) fail(`${where}, whole column: ${diff}`);
          for (const [start, end] of windows(want.length)) {
            const part = await dataset.readColumn(b, c, { start, end });
            const got = part.data.flatMap((d) => normalizeData(d));
            const d2 = firstDifference(got, want.slice(start, end));
            if (d2) fail(`${where}, rows ${start}-${end}: ${d2}`);
          }
        } catch (e) {
          const message = (e as Error).message;
          if (e instanceof DatasetError && UNSUPPORTED.test(message)) results.push({ file, status: 'unsupported', detail: `${where}: ${message}` });
          else fail(`${where}: ${(e as Error).name}: ${message}`);
        }
      }
    }
  } finally {
    await dataset.close();
  }
  return results.length ? results : [{ file, status: 'pass' }];
}
