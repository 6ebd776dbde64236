import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/support/runCli';

const SAMPLE = 'public/sample.arrow';
const PARQUET = 'tests/filter/fixtures/filter_types.parquet';
const USAGE = /\nUsage: arrowscope FILE \[options\].*arrowscope --help lists the options\)\n$/;

describe('arrowscope FILE --where EXPR --count', () => {
  it('table: N matching rows of M', async () => {
    const r = await runCli(SAMPLE, '--where', "cand_nm = 'Obama, Barack' AND contb_receipt_amt >= 1000", '--count');
    expect(r).toEqual({ status: 0, stdout: '370 matching rows of 4,000\n', stderr: '' });
  });
  it('json: rows, matched and the chunks statistics decided', async () => {
    // row group 0 (ids 0-9) matches whole by its statistics; the other two are read
    const r = await runCli(PARQUET, '--where', 'id < 10 OR i64 = 9007199254740993', '--count', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ rows: 30, matched: 14, chunksSkipped: 1 });
    const one = await runCli(SAMPLE, '--where', "cand_nm = 'Obama, Barack'", '--count', '--format', 'csv');
    expect(one.stdout).toBe('rows,matched,chunksSkipped\r\n4000,2372,0\r\n');
  });
  it('2: a bad expression points at the token, on stderr, with the usage line', async () => {
    const r = await runCli(SAMPLE, '--where', 'contb_receipt_amt >= ', '--count');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^arrowscope: --where: expected a value after >= at 1:22\n/);
    expect(r.stderr).toMatch(USAGE);
  });
  it('2: a column the file lacks or a value of the wrong type, found once the file is open', async () => {
    const unknown = await runCli(SAMPLE, '--where', "cand = 'x'", '--count');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^arrowscope: --where: unknown column "cand" at 1:1; did you mean cand_id or cand_nm\?\n/);
    const typed = await runCli(SAMPLE, '--where', "contb_receipt_amt > '5'", '--count', '--json');
    expect(typed.status).toBe(2);
    expect(typed.stderr).toMatch(/^arrowscope: --where: cannot compare contb_receipt_amt \(double\) with the string '5' at 1:21; write the number without quotes: 5\n/);
  });
  it('2: --count needs --where, --where takes no --chunk; control characters in an error are escaped', async () => {
    expect((await runCli(SAMPLE, '--where', 'cand_nm = 1', '--chunk', '0')).stderr).toMatch(/--chunk does not go with --where/);
    expect((await runCli(SAMPLE, '--count')).stderr).toMatch(/--count counts the rows a filter matches/);
    const r = await runCli(SAMPLE, '--where', 'a \x1b[2J= 1', '--count');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^arrowscope: --where: unexpected character "\\x1b" at 1:3\n/);
  });
});

describe('arrowscope FILE --where EXPR [--rows A:B] [--columns …]: the matching rows', () => {
  const gold = JSON.parse(readFileSync('tests/gold/filter/filter_types.parquet.json', 'utf8')) as { cases: { where: string; indices: number[] }[] };
  const indices = (where: string) => gold.cases.find((c) => c.where === where)!.indices;

  it('table: the row numbers pyarrow finds, with their values', async () => {
    const where = 'id < 10 AND i32 IS NULL OR id >= 20 AND flag';
    const r = await runCli(PARQUET, '--where', where, '--columns', 'id,s', '--rows', '0:');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('row\tid\ts');
    expect(lines.slice(1).map((l) => Number(l.split('\t')[0]))).toEqual(indices(where));
    expect(lines.slice(1).every((l) => l.split('\t')[0] === l.split('\t')[1])).toBe(true); // id is the row number
  });
  it('--rows A:B counts matches; json lists their row numbers', async () => {
    const where = "s != 'Obama, Barack'";
    const r = await runCli(PARQUET, '--where', where, '--columns', 'id', '--rows', '3:9', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.rows).toEqual(indices(where).slice(3, 9));
    expect(out).toMatchObject({ where, start: 3, end: 9, columns: [{ name: 'id', type: 'int32', values: indices(where).slice(3, 9).map(String) }] });
  });
  it('the first 20 by default; csv and ndjson as for --rows', async () => {
    const where = 'id >= 5';
    const csv = await runCli(PARQUET, '--where', where, '--columns', 'id', '--format', 'csv');
    expect(csv.stdout).toBe(`id\r\n${Array.from({ length: 20 }, (_, i) => `${i + 5}\r\n`).join('')}`);
    const ndjson = await runCli(PARQUET, '--where', "id BETWEEN 8 AND 9", '--columns', 'id,flag', '--format', 'ndjson');
    expect(ndjson.stdout).toBe('{"id":"8","flag":"true"}\n{"id":"9","flag":"false"}\n');
  });
});
