import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vectorText } from '../../src/valueText';
import { runCli } from '../cli/support/runCli';
import { openFile } from '../filter/support';
import { parseCsv, readBack, readSource } from './support';

/** `--sort` (first rows in sorted order) and `--out PATH` on the command line, against the pyarrow sort gold. */
const SAMPLE = 'public/sample.arrow';
const gold = JSON.parse(readFileSync('tests/gold/sort/public__sample.arrow.json', 'utf8')) as { cases: { sort: string; where?: string; indices: number[] }[] };
const indices = (sort: string) => gold.cases.find((c) => c.sort === sort)!.indices;
const dir = mkdtempSync(join(tmpdir(), 'arrowscope-export-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('arrowscope FILE --sort', () => {
  it('table: the first 20 rows in sorted order with their row numbers, as pyarrow orders them', async () => {
    const r = await runCli(SAMPLE, '--sort', 'cand_nm,contb_receipt_amt:desc', '--columns', 'cand_nm,contb_receipt_amt');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('row\tcand_nm\tcontb_receipt_amt');
    expect(lines.slice(1).map((l) => Number(l.split('\t')[0]))).toEqual(indices('cand_nm,contb_receipt_amt:desc').slice(0, 20));
  });
  it('json with --where and --rows A:B: positions in the sorted matches', async () => {
    const c = gold.cases.find((x) => x.where)!;
    const r = await runCli(SAMPLE, '--sort', c.sort, '--where', c.where!, '--rows', '10:25', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { sort: string; where: string; start: number; end: number; rows: number[] };
    expect(out).toMatchObject({ sort: c.sort, where: c.where, start: 10, end: 25 });
    expect(out.rows).toEqual(c.indices.slice(10, 25));
  });
  it('usage errors (exit 2) and a column that cannot be sorted by (exit 1)', async () => {
    expect(await runCli(SAMPLE, '--sort', 'cand_nm,,file_num')).toMatchObject({ status: 2, stderr: expect.stringMatching(/^arrowscope: --sort takes col\[:desc\]/) });
    expect(await runCli(SAMPLE, '--limit', '5')).toMatchObject({ status: 2, stderr: expect.stringMatching(/^arrowscope: --limit goes with --sort or --out/) });
    expect(await runCli('tests/fixtures/writers/pyarrow/list_view.arrows', '--sort', '#0')).toMatchObject({ status: 1, stderr: expect.stringMatching(/^arrowscope: --sort: Column "in_order" cannot be sorted by: list_view<item: int32> columns have no order/) });
  });
});

describe('arrowscope FILE --where --out PATH in file order, over threads', () => {
  for (const format of ['parquet', 'arrows'] as const) {
    it(`${format}: --threads 2 (a thread gathers, this one writes) and --threads 1 write the plain scan's matching rows`, async () => {
      const source = readSource(SAMPLE);
      const amounts = source.getChild('contb_receipt_amt')!.toArray() as Float64Array;
      const matches = Array.from(amounts.keys()).filter((i) => amounts[i] >= 250);
      expect(matches.length).toBeGreaterThan(10);
      for (const threads of ['1', '2']) {
        const out = join(dir, `matches-${threads}.${format}`);
        const r = await runCli(SAMPLE, '--where', 'contb_receipt_amt >= 250', '--threads', threads, '--out', out);
        expect(r.status, r.stderr).toBe(0);
        const back = readBack(format, readFileSync(out));
        expect(back.numRows).toBe(matches.length);
        for (const field of source.schema.fields) {
          const all = vectorText(source.getChild(field.name)!);
          expect(vectorText(back.getChild(field.name)!), `${threads} ${field.name}`).toEqual(matches.map((i) => all[i]));
        }
      }
    }, 60_000);
  }
});

describe('arrowscope FILE --out PATH', () => {
  it('parquet: --where, --sort, --limit and --columns, read back by parquet-wasm', async () => {
    const c = gold.cases.find((x) => x.where)!;
    const out = join(dir, 'top.parquet');
    const r = await runCli(SAMPLE, '--where', c.where!, '--sort', c.sort, '--limit', '50', '--columns', 'contbr_nm,contbr_st,contb_receipt_amt', '--out', out);
    expect(r).toEqual({ status: 0, stdout: `50 rows written to ${out} (${readFileSync(out).length.toLocaleString('en-US')} bytes)\n`, stderr: '' });
    const back = readBack('parquet', readFileSync(out));
    const source = readSource(SAMPLE);
    for (const name of ['contbr_nm', 'contbr_st', 'contb_receipt_amt']) {
      const all = vectorText(source.getChild(name)!);
      expect(vectorText(back.getChild(name)!), name).toEqual(c.indices.slice(0, 50).map((i) => all[i]));
    }
    expect(existsSync(`${out}.partial`)).toBe(false);
  });
  it('csv by extension, arrows by --format, --rows A:B of the file; --json summary', async () => {
    const csv = join(dir, 'rows.csv');
    expect((await runCli(SAMPLE, '--rows', '100:110', '--columns', 'cand_nm,file_num', '--out', csv)).status).toBe(0);
    const records = parseCsv(readFileSync(csv, 'utf8'));
    const source = readSource(SAMPLE);
    expect(records).toEqual([['cand_nm', 'file_num'], ...Array.from({ length: 10 }, (_, i) => [source.getChild('cand_nm')!.get(100 + i), String(source.getChild('file_num')!.get(100 + i))])]);
    const stream = join(dir, 'all.bin');
    const r = await runCli(SAMPLE, '--out', stream, '--format', 'arrows');
    expect(r.status).toBe(0);
    expect(readBack('arrows', readFileSync(stream)).numRows).toBe(4000);
    const j = await runCli(SAMPLE, '--out', join(dir, 'x.arrow'), '--limit', '3', '--json');
    expect(JSON.parse(j.stdout)).toMatchObject({ format: 'arrow', rows: 3 });
  });
  it('usage errors: a format it cannot tell, the file itself, options that do not go with it', async () => {
    expect(await runCli(SAMPLE, '--out', join(dir, 'x.txt'))).toMatchObject({ status: 2, stderr: expect.stringMatching(/cannot tell the format from ".*x\.txt": end it in \.csv, \.arrow, \.arrows or \.parquet/) });
    expect(await runCli(SAMPLE, '--out', join(dir, 'x.arrow'), '--format', 'json')).toMatchObject({ status: 2, stderr: expect.stringMatching(/--format with --out takes csv, arrow, arrows, parquet/) });
    expect(await runCli(SAMPLE, '--out', SAMPLE)).toMatchObject({ status: 1, stderr: expect.stringMatching(/is the file being read/) });
    expect(await runCli(SAMPLE, '--out', join(dir, 'y.csv'), '--unique', 'cand_nm')).toMatchObject({ status: 2, stderr: expect.stringMatching(/--unique does not go with --out/) });
  });
});

describe('arrowscope FILE --out PATH: a type the export does not restore is named', () => {
  it('each Parquet column whose stored Arrow type is written as its decoded type gets a sentence on stderr, read back with that type', async () => {
    const file = 'tests/fixtures/writers/parquet/arrow_schema_views_and_extensions.parquet';
    const out = join(dir, 'views.arrow');
    const r = await runCli(file, '--columns', 'fixed,string_view,json', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'Column "fixed" is written as list<element: int32>, not fixed_size_list<element: int32>[2] as shown: the export does not restore that type yet (the values shown, in that type).',
      'Column "string_view" is written as string, not string_view as shown: the export does not restore that type yet (the values shown, in that type).',
    ]);
    const back = await openFile(out);
    expect(back.fields.map((f) => f.type)).toEqual(['list<element: int32>', 'string', 'extension<arrow.json>']);
    await back.close();
    // An Arrow file's columns are written in their own types: no sentence.
    const plain = await runCli(SAMPLE, '--columns', 'cand_nm,contb_receipt_amt', '--limit', '5', '--out', join(dir, 'plain.parquet'));
    expect(plain).toMatchObject({ status: 0, stderr: '' });
  });
});
