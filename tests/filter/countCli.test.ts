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
  it('2: --where and --count go together; control characters in an error are escaped', async () => {
    expect((await runCli(SAMPLE, '--where', 'a = 1')).stderr).toMatch(/--where goes with --count/);
    expect((await runCli(SAMPLE, '--count')).stderr).toMatch(/--count counts the rows a filter matches/);
    const r = await runCli(SAMPLE, '--where', 'a \x1b[2J= 1', '--count');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^arrowscope: --where: unexpected character "\\x1b" at 1:3\n/);
  });
});
