import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeUnique } from '../../src/compute/uniqueMerge';
import { uniqueOfColumn } from '../../src/compute/uniqueOfColumn';
import { openDataset } from '../../src/dataset/openDataset';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { tempPath } from '../support/files';

const out = tempPath;
const gen = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/gen.ts', '--rows', '6000', ...args], { encoding: 'utf8' });

describe('FEC-like generator', () => {
  it('is deterministic and writes N copies of the table as a stream, a file and Parquet', async () => {
    for (const format of ['stream', 'file', 'parquet']) {
      gen('--copies', '3', '--format', format, '--out', out(`a.${format}`));
      gen('--copies', '3', '--format', format, '--out', out(`b.${format}`));
      expect(readFileSync(out(`a.${format}`)).equals(readFileSync(out(`b.${format}`))), format).toBe(true);
      const ds = await openDataset(await NodeFileSource.open(out(`a.${format}`)));
      await ds.indexed;
      expect(ds.chunks, format).toHaveLength(3);
      expect(ds.rows).toBe(18000);
      expect(ds.fields.map((f) => f.name)).toEqual([
        'cmte_id', 'cand_id', 'cand_nm', 'contbr_nm', 'contbr_city', 'contbr_st', 'contbr_zip', 'contbr_employer',
        'contbr_occupation', 'contb_receipt_amt', 'contb_receipt_dt', 'receipt_desc', 'memo_cd', 'memo_text', 'form_tp', 'file_num',
      ]);
      // every copy holds the same values
      const first = await ds.readColumn(0, 3, { start: 100, end: 105 });
      const last = await ds.readColumn(2, 3, { start: 100, end: 105 });
      expect([...last]).toEqual([...first]);
      await ds.close();
    }
  });

  it('has realistic cardinalities and nulls', async () => {
    gen('--copies', '1', '--format', 'stream', '--out', out('c.arrows'));
    const ds = await openDataset(await NodeFileSource.open(out('c.arrows')));
    await ds.indexed;
    const unique = async (name: string) => mergeUnique([await uniqueOfColumn(ds, ds.fields.findIndex((f) => f.name === name))]);
    expect((await unique('cand_nm')).distinct).toBeLessThanOrEqual(13);
    expect((await unique('contbr_st')).distinct).toBeGreaterThan(40);
    expect((await unique('memo_cd')).nulls).toBeGreaterThan(6000 * 0.8);
    expect((await unique('contbr_zip')).distinct).toBeGreaterThan(5000);
    const dt = (await unique('contb_receipt_dt')).values[0].value as string;
    expect(dt).toMatch(/^\d\d-[A-Z]{3}-1[12]$/);
  });

  it('the sample in public/ is an Arrow file of the same table', async () => {
    const ds = await openDataset(await NodeFileSource.open('public/sample.arrow'));
    expect(ds.format).toBe('arrow-file');
    expect(ds.rows).toBe(4000);
    expect(readFileSync('public/sample.arrow').length).toBeLessThan(1024 * 1024);
  });
});
