import { readFileSync } from 'node:fs';
import { Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fecBatches } from '../../scripts/gen/fecTable';
import { writeParquetCopies } from '../../scripts/gen/writeParquet';
import type { Dataset } from '../../src/model/types';
import { tempFile, tempPath } from '../support/files';
import { matches, openFile } from './support';

/**
 * The filter against a plain scan written here: every row read with apache-arrow (tableFromIPC) or
 * hyparquet (parquetReadObjects) directly, not through the engine, and tested by a JavaScript
 * predicate that spells out SQL's null rules by hand. FEC-like generated files of 20,000 rows:
 * an Arrow stream of 4 batches and a Parquet file of 8 row groups with statistics (parquet-wasm).
 */
type Row = Record<string, unknown>;

const s = (v: unknown) => v as string | null;
const num = (v: unknown) => v as number;

const CASES: [string, (r: Row) => boolean][] = [
  ["cand_nm = 'Obama, Barack'", (r) => r.cand_nm === 'Obama, Barack'],
  ["cand_nm != 'Obama, Barack' AND contb_receipt_amt >= 1000", (r) => r.cand_nm !== 'Obama, Barack' && num(r.contb_receipt_amt) >= 1000],
  ["contbr_st IN ('CA', 'NY', 'TX') OR contb_receipt_amt < 0", (r) => ['CA', 'NY', 'TX'].includes(s(r.contbr_st) ?? '') || num(r.contb_receipt_amt) < 0],
  ["NOT (contbr_st = 'CA')", (r) => r.contbr_st !== null && r.contbr_st !== 'CA'],
  ["contbr_st NOT IN ('CA', null)", () => false],
  ['contbr_employer IS NULL', (r) => r.contbr_employer === null],
  ["contbr_employer IS NOT NULL AND contbr_occupation ICONTAINS 'retired'", (r) => r.contbr_employer !== null && /retired/iu.test(s(r.contbr_occupation) ?? '')],
  ["contbr_nm STARTS WITH 'SMITH' OR contbr_nm ENDS WITH 'JOHN'", (r) => (s(r.contbr_nm) ?? '').startsWith('SMITH') || (s(r.contbr_nm) ?? '').endsWith('JOHN')],
  ["contbr_zip MATCHES '^9[0-4]'", (r) => /^9[0-4]/u.test(s(r.contbr_zip) ?? '')],
  ["contbr_city > 'M' AND contbr_city < 'N'", (r) => r.contbr_city !== null && s(r.contbr_city)! > 'M' && s(r.contbr_city)! < 'N'],
  ['contb_receipt_amt BETWEEN 100 AND 250.5', (r) => num(r.contb_receipt_amt) >= 100 && num(r.contb_receipt_amt) <= 250.5],
  ['file_num = 724000', (r) => r.file_num === 724000n],
  ['file_num >= 725000 AND file_num < 726050', (r) => (r.file_num as bigint) >= 725000n && (r.file_num as bigint) < 726050n],
  ["memo_cd = 'X' OR memo_text CONTAINS 'SPOUSE'", (r) => r.memo_cd === 'X' || (s(r.memo_text) ?? '').includes('SPOUSE')],
  ['contb_receipt_amt > 1e9', () => false],
];

let arrowPath: string;
let parquetPath: string;
const reference = new Map<string, Row[]>();
const datasets = new Map<string, Dataset>();

beforeAll(async () => {
  arrowPath = tempFile('fec.arrows', tableToIPC(new Table(fecBatches(7, 20_000, 5_000)), 'stream'));
  parquetPath = tempPath('fec.parquet');
  await writeParquetCopies(parquetPath, () => fecBatches(7, 20_000, 5_000), 1, 2_500);
  reference.set('arrow', tableFromIPC(readFileSync(arrowPath)).toArray().map((r: { toJSON(): Row }) => r.toJSON()));
  const bytes = readFileSync(parquetPath);
  reference.set('parquet', (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) })) as Row[]);
  datasets.set('arrow', await openFile(arrowPath));
  datasets.set('parquet', await openFile(parquetPath));
}, 60_000);
afterAll(() => Promise.all([...datasets.values()].map((d) => d.close())));

for (const kind of ['arrow', 'parquet']) {
  describe(kind, () => {
    it('has its chunks', () => {
      expect(datasets.get(kind)!.chunks.length).toBe(kind === 'arrow' ? 4 : 8);
      expect(reference.get(kind)!.length).toBe(20_000);
    });
    for (const [where, predicate] of CASES) {
      it(where, async () => {
        const rows = reference.get(kind)!;
        const expected = rows.flatMap((r, i) => (predicate(r) ? [i] : []));
        const got = await matches(datasets.get(kind)!, where);
        expect(got.matched).toBe(expected.length);
        expect(got.indices).toEqual(expected);
      });
    }
  });
}

describe('statistics decide whole row groups', () => {
  it('a value outside every row group reads none of them', async () => {
    expect(await matches(datasets.get('parquet')!, 'contb_receipt_amt > 1e9')).toMatchObject({ matched: 0, chunksSkipped: 8 });
  });
  it("a candidate's file numbers skip the row groups of the others", async () => {
    const got = await matches(datasets.get('parquet')!, 'file_num >= 725000 AND file_num < 726050');
    expect(got.chunksSkipped).toBeGreaterThan(0);
  });
  it('Arrow batches have null counts only: nothing is decided for a comparison', async () => {
    expect((await matches(datasets.get('arrow')!, 'contb_receipt_amt > 1e9')).chunksSkipped).toBe(0);
  });
});
