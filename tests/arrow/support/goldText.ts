import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { dictionariesOf, expectedColumn, type IntegrationJson } from '../../../scripts/corpus/integrationJson';
import { normalizeData } from '../../../scripts/corpus/normalizeData';
import type { Dataset } from '../../../src/model/types';
import { vectorText } from '../../../src/valueText';
import { plainIntegrationJson } from './plainIntegrationJson';

export const GOLD_DIR = resolve(__dirname, '../../gold');

interface GoldFile {
  columns: { name: string; type: string; rows: number; index: number[]; values?: (string | null)[] }[];
}

/** The pyarrow gold of a file (tests/gold/<set>/<path with / as __>.json). */
export function pyarrowGold(set: string, rel: string): GoldFile {
  return JSON.parse(readFileSync(join(GOLD_DIR, set, `${rel.replace(/\//g, '__')}.json`), 'utf8')) as GoldFile;
}

/** Display text of every row of a column, batch after batch, as the app would show it. */
export async function columnText(ds: Dataset, column: number): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  for (let b = 0; b < ds.chunks.length; b++) out.push(...vectorText(await ds.readColumn(b, column), ds.fields[column].extension));
  return out;
}

/** Every gold value and type name of pyarrow equals what the engine reads and valueText shows. */
export async function expectPyarrowText(ds: Dataset, gold: GoldFile): Promise<number> {
  let compared = 0;
  expect(ds.fields.map((f) => f.name)).toEqual(gold.columns.map((c) => c.name));
  for (let c = 0; c < gold.columns.length; c++) {
    const want = gold.columns[c];
    if (!want.values) continue;
    const got = await columnText(ds, c);
    expect(got.length, want.name).toBe(want.rows);
    want.index.forEach((row, k) => expect(got[row], `${want.name} row ${row}`).toBe(want.values![k]));
    compared += want.index.length;
  }
  return compared;
}

/** Integration JSON of a gold case, with run-end encoded and list-view columns as plain ones. */
export function integrationJson(path: string): IntegrationJson {
  const text = gunzipSync(readFileSync(path)).toString('utf8').replace(/(:\s*)(-?\d{16,})(?=\s*[,}\]])/g, '$1"$2"');
  return plainIntegrationJson(JSON.parse(text) as IntegrationJson);
}

/** Every value of every batch equals the integration JSON, whole columns and every window of up to 4 rows. */
export async function expectIntegrationValues(ds: Dataset, json: IntegrationJson): Promise<number> {
  const dicts = dictionariesOf(json);
  expect(ds.chunks.length).toBe(json.batches.length);
  let compared = 0;
  for (let b = 0; b < json.batches.length; b++) {
    for (let c = 0; c < json.schema.fields.length; c++) {
      const want = expectedColumn(json, b, c, dicts);
      const whole = await ds.readColumn(b, c);
      expect(whole.data.flatMap((d) => normalizeData(d)), `batch ${b} column ${c}`).toEqual(want);
      for (let start = 0; start < want.length; start++) {
        const end = Math.min(want.length, start + 1 + (start % 4));
        const part = await ds.readColumn(b, c, { start, end });
        expect(part.data.flatMap((d) => normalizeData(d)), `batch ${b} column ${c} rows ${start}-${end}`).toEqual(want.slice(start, end));
      }
      compared += want.length;
    }
  }
  return compared;
}
