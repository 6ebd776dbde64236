import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GoldFile as Gold } from '../../scripts/corpus/pyarrowGold';
import { DatasetError } from '../../src/model/errors';
import { FIXTURES_DIR } from '../support/corpus';
import { WRITERS_DIR, columnText, open } from './support/openText';


const GOLD = resolve(__dirname, '../gold');
const golds = (dir: string, prefix: RegExp): Gold[] =>
  readdirSync(join(GOLD, dir))
    .filter((n) => prefix.test(n))
    .map((n) => JSON.parse(readFileSync(join(GOLD, dir, n), 'utf8')) as Gold);

/** Columns our memory budget refuses on purpose (pyarrow reads them whole). */
const REFUSED = new Set(['parquet/budget_dictionary.parquet:texts', 'parquet/budget_footer.parquet:big']);

describe('Parquet files of user reports and of other writers, against what pyarrow 25 reads (tests/gold/writers)', () => {
  for (const gold of golds('writers', /^(parquet|fastparquet|parquet-wasm)__.*\.json$/).filter((g) => !g.unreadable)) {
    it(`${gold.file}: rows, pyarrow's type names and every value`, async () => {
      const ds = await open(join(WRITERS_DIR, gold.file));
      expect(ds.rows).toBe(gold.rows);
      expect(ds.fields.map((f) => f.name)).toEqual(gold.columns!.map((c) => c.name));
      for (const [c, column] of gold.columns!.entries()) {
        expect(ds.fields[c].type, column.name).toBe(column.type);
        if (REFUSED.has(`${gold.file}:${column.name}`)) {
          await expect(columnText(ds, c)).rejects.toThrow(DatasetError);
          continue;
        }
        const text = await columnText(ds, c);
        expect(text.length, column.name).toBe(column.rows);
        expect(column.index.map((i) => text[i]), column.name).toEqual(column.values);
      }
      await ds.close();
    });
  }
});

describe('Parquet type names of the vendored corpus files, against pyarrow 25 (tests/gold/corpus)', () => {
  const vendored = golds('corpus', /\.parquet\.json$/).filter((g) => !g.unreadable && existsSync(join(FIXTURES_DIR, g.file)));
  it('covers the vendored Parquet files', () => expect(vendored.length).toBeGreaterThanOrEqual(10));
  for (const gold of vendored) {
    it(`${gold.file}: rows and type names`, async () => {
      const ds = await open(join(FIXTURES_DIR, gold.file));
      expect(ds.rows).toBe(gold.rows);
      for (const column of gold.columns!) expect(ds.fields.find((f) => f.name === column.name)?.type, column.name).toBe(column.type);
      await ds.close();
    });
  }
});
