import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import type { Vector } from 'apache-arrow';
import { expect } from 'vitest';
import { dictionariesOf, expectedColumn, type IntegrationJson } from '../../../scripts/corpus/integrationJson';
import { normalizeData } from '../../../scripts/corpus/normalizeData';
import type { Dataset } from '../../../src/model/types';
import { vectorValueText } from '../../../src/valueText';
import { plainIntegrationJson } from './plainIntegrationJson';

export const GOLD_DIR = resolve(__dirname, '../../gold');

interface GoldFile {
  columns: { name: string; type: string; rows: number; index: number[]; values?: (string | null)[] }[];
}

/** The pyarrow gold of a file (tests/gold/<set>/<path with / as __>.json). */
export function pyarrowGold(set: string, rel: string): GoldFile {
  return JSON.parse(readFileSync(join(GOLD_DIR, set, `${rel.replace(/\//g, '__')}.json`), 'utf8')) as GoldFile;
}

/**
 * Every gold value and column name of pyarrow equals what the engine reads and valueText shows, read
 * through whole columns and through one-row windows. Returns the number of values compared.
 */
export async function expectPyarrowText(ds: Dataset, gold: GoldFile, { windows = true } = {}): Promise<number> {
  let compared = 0;
  expect(ds.fields.map((f) => f.name)).toEqual(gold.columns.map((c) => c.name));
  expect(ds.rows).toBe(gold.columns[0]?.rows ?? 0);
  for (let c = 0; c < gold.columns.length; c++) {
    const want = gold.columns[c];
    if (!want.values) continue;
    const extension = ds.fields[c].extension;
    const wholes = new Map<number, Vector>();
    for (let k = 0; k < want.index.length; k++) {
      const row = want.index[k];
      const b = ds.chunks.findIndex((chunk) => row < chunk.rowOffset + chunk.rows);
      const local = row - ds.chunks[b].rowOffset;
      if (!wholes.has(b)) wholes.set(b, await ds.readColumn(b, c));
      expect(vectorValueText(wholes.get(b)!, local, extension), `${want.name} row ${row}`).toBe(want.values[k]);
      // Row windows of the first and last gold rows (compressed columns decode whole for each).
      if (windows && (k === 0 || k === want.index.length - 1)) {
        const window = await ds.readColumn(b, c, { start: local, end: local + 1 });
        expect(vectorValueText(window, 0, extension), `${want.name} row ${row}, one-row window`).toBe(want.values[k]);
      }
      compared++;
    }
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
