import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { dictionariesOf, expectedColumn, type IntegrationJson } from '../../scripts/corpus/integrationJson';
import { normalizeData } from '../../scripts/corpus/normalizeData';
import { fixtureFiles } from '../support/corpus';

const DIR = 'arrow-testing/data/arrow-ipc-stream/integration/cpp-21.0.0';
const CASES = ['generated_primitive', 'generated_dictionary', 'generated_nested', 'generated_decimal', 'generated_datetime'];

describe('integration JSON parser agrees with apache-arrow on gold streams', () => {
  for (const name of CASES) {
    it(name, () => {
      const [json] = fixtureFiles(DIR, new RegExp(`^${name}\\.json\\.gz$`));
      const [stream] = fixtureFiles(DIR, new RegExp(`^${name}\\.stream$`));
      expect(json && stream).toBeTruthy();
      const parsed = JSON.parse(gunzipSync(readFileSync(json)).toString('utf8')) as IntegrationJson;
      const table = tableFromIPC(readFileSync(stream));
      expect(table.batches.length).toBe(parsed.batches.length);
      expect(table.schema.fields.map((f) => f.name)).toEqual(parsed.schema.fields.map((f) => f.name));
      const dicts = dictionariesOf(parsed);
      let checked = 0;
      parsed.batches.forEach((batch, b) => {
        expect(table.batches[b].numRows).toBe(batch.count);
        parsed.schema.fields.forEach((_, c) => {
          const want = expectedColumn(parsed, b, c, dicts);
          expect(normalizeData(table.batches[b].getChildAt(c)!.data[0]), `batch ${b} column ${c}`).toEqual(want);
          checked += want.length;
        });
      });
      expect(checked).toBeGreaterThan(0);
    });
  }
});
