import { describe, expect, it } from 'vitest';
import { typeName } from '../../src/valueText';
import { open, writerFile } from './support/openText';

// Files written by tests/fixtures/writers/parquet/make_arrow_schema_fixtures.py; their values and type
// names are compared with pyarrow's in writersGold.test.ts.
const FILES = ['arrow_schema_timestamps', 'arrow_schema_durations', 'arrow_schema_large_types', 'arrow_schema_nested'];

describe('the stored Arrow schema (ARROW:schema) restores the types pyarrow restores', () => {
  for (const name of FILES) {
    it(`${name}: every decoded column has the dataset schema's type (by pyarrow's name)`, async () => {
      const ds = await open(writerFile(`${name}.parquet`));
      expect(ds.problems).toEqual([]);
      for (let c = 0; c < ds.fields.length; c++) {
        const vector = await ds.readColumn(0, c);
        expect(typeName(vector.type), ds.fields[c].name).toBe(typeName(ds.schema.fields[c].type));
      }
      await ds.close();
    });
  }

  it('keeps a zoned timestamp in its zone, as pyarrow shows it', async () => {
    const ds = await open(writerFile('arrow_schema_timestamps.parquet'));
    expect(ds.fields[0].type).toBe('timestamp[us, tz=America/New_York]');
    expect(String(ds.schema.fields[0].type)).toContain('America/New_York');
    await ds.close();
  });

  it('ignores a stored schema whose fields do not match the Parquet columns, with a note', async () => {
    const ds = await open(writerFile('arrow_schema_mismatch.parquet'));
    expect(ds.fields.map((f) => f.type)).toEqual(['int64', 'string']);
    expect(ds.problems.map((p) => p.message)).toEqual(["The file's stored Arrow schema (ARROW:schema) is ignored: it has 3 fields where the Parquet schema has 2 columns."]);
    await ds.close();
  });
});
