import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/corpus';
import { checkSchema, type JsonSchema } from './support/jsonSchema';
import { HOSTILE_TEXT, deepStructFile, hostileFile } from './support/fixtures';
import { commandOutput, parseCsv, runCli } from './support/runCli';
import { openDataset } from '../../src/dataset/openDataset';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { summaryCommand } from '../../src/cli/summaryCommand';
import { rowsCommand } from '../../src/cli/rowsCommand';

const schema = (name: string) => JSON.parse(readFileSync(`docs/cli/${name}.schema.json`, 'utf8')) as JsonSchema;
const SUMMARY = schema('summary');
const ROWS = schema('rows');
const UNIQUE = schema('unique');
const def = (root: JsonSchema, name: string): JsonSchema => ({ $ref: `#/$defs/${name}`, $defs: root.$defs });

const SAMPLE = 'public/sample.arrow';
const FUZZ_STREAM = fixture('arrow-testing/data/arrow-ipc-stream/clusterfuzz-testcase-minimized-arrow-ipc-stream-fuzz-5729978629226496');
let hostile: string;
let deep: string;

beforeAll(async () => {
  hostile = hostileFile();
  deep = await deepStructFile(150); // deeper than 200 levels a column is not decoded (tests/arrow/validation.test.ts)
});

describe('exit codes', () => {
  const fuzz = () => fixture('arrow-testing/data/arrow-ipc-file/clusterfuzz-testcase-minimized-arrow-ipc-file-fuzz-5664782210564096');
  const cases: [string, () => string[], number, RegExp | null][] = [
    ['summary', () => [SAMPLE], 0, null],
    ['--help', () => ['--help'], 0, null],
    ['rows', () => [SAMPLE, '--rows', '0:3'], 0, null],
    ['no file given', () => [], 2, /Give the file/],
    ['unknown option', () => [SAMPLE, '--bogus'], 2, /Unknown option '--bogus'/],
    ['malformed --rows', () => [SAMPLE, '--rows', 'a:b'], 2, /--rows takes A:B/],
    ['unknown --format', () => [SAMPLE, '--format', 'xml'], 2, /--format takes/],
    ['two formats', () => [SAMPLE, '--json', '--format', 'csv'], 2, /two formats/],
    ['view without a file', () => ['view'], 2, /takes a FILE/],
    ['missing file', () => ['no/such/file.arrow'], 1, /no such file: no\/such\/file\.arrow/],
    ['a folder', () => ['tests'], 1, /folder, not a file/],
    ['a file that is not Arrow or Parquet', () => [fuzz()], 1, /^arrowscope: .*byte/],
    ['unknown column', () => [SAMPLE, '--rows', '0:1', '--column', 'nope'], 1, /No column named "nope"\. Columns: cmte_id, cand_id/],
    ['column index past the end', () => [SAMPLE, '--column', '#16'], 1, /No column #16: the file has 16 columns \(#0–#15\)/],
    ['rows past the end of the file', () => [SAMPLE, '--rows', '3999:4001'], 1, /Rows 3,999–4,001 fall outside the file, which has 4,000 rows/],
    ['rows outside a chunk', () => [SAMPLE, '--column', 'cand_nm', '--chunk', '0', '--rows', '999999:1000000'], 1, /^arrowscope: Rows 999,999–1,000,000 fall outside chunk 0, which has 1,000 rows\.\n$/],
    ['a chunk the file does not have', () => [SAMPLE, '--chunk', '4'], 1, /There is no chunk 4: the file has 4 batches \(0–3\)/],
    ['--unique of a struct field', () => [hostile, '--unique', 's.a'], 1, /--unique counts a top-level column/],
    ['a column that cannot be decoded', () => [FUZZ_STREAM, '--rows', '0:3', '--format', 'csv'], 1, /^arrowscope: column "dict3": A buffer .* points outside its message body/],
  ];
  for (const [name, args, code, stderr] of cases) {
    it(`${code}: ${name}`, async () => {
      const r = await runCli(...args());
      expect(r.status, r.stderr).toBe(code);
      if (stderr) expect(r.stderr).toMatch(stderr);
      if (code === 0) expect(r.stderr).toBe('');
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      if (code === 2) expect(r.stderr).toMatch(/arrowscope --help lists the options/);
      if (code !== 0 && name !== 'a column that cannot be decoded') expect(r.stdout).toBe('');
    });
  }

  it('1: a column that cannot be decoded is said once on stderr; the other columns are complete', async () => {
    const csv = await runCli(FUZZ_STREAM, '--rows', '0:3', '--format', 'csv');
    expect(csv.stderr.split('\n')).toHaveLength(2);
    expect(parseCsv(csv.stdout)).toEqual([
      ['dict1', 'dict2', 'dict3', 'list<encoded utf8>', 'encoded list<int8>'],
      ['bar', 'foo', '', '[]', '[44, 55]'],
      ['baz', 'foo', '', '["foo", "bar"]', '[]'],
      ['', '', '', '', '[66]'],
    ]);
    const json = await runCli(FUZZ_STREAM, '--rows', '0:3', '--json');
    expect(json.status).toBe(1);
    const out = JSON.parse(json.stdout);
    expect(checkSchema(out, ROWS)).toEqual([]);
    expect(out.columns[2]).toMatchObject({ name: 'dict3', values: [null, null, null], error: expect.stringMatching(/points outside its message body/) });
    expect(out.columns[4]).toEqual({ name: 'encoded list<int8>', type: 'dictionary<values=list<item: int8>, indices=int8, ordered=0>', values: ['[44, 55]', '[]', '[66]'] });
  });
});

describe('columns by name, index and path', () => {
  it('names a column by #N, by its name as text output escapes it, and struct fields by path (null where the struct is)', async () => {
    const r = await runCli(hostile, '--rows', '0:6', '--column', '#1', '--column', 'esc\\x1b[2Jname', '--column', 's.b.c', '--column', 's.inner.x', '--column', 's.#0', '--column', 'a.b', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(checkSchema(out, ROWS)).toEqual([]);
    expect(out.columns.map((c: { name: string }) => c.name)).toEqual(['nul\0name', 'esc\x1b[2Jname', 's.b.c', 's.inner.x', 's.a', 'a.b']);
    expect(out.columns[0].values).toEqual(HOSTILE_TEXT);
    expect(out.columns[2]).toEqual({ name: 's.b.c', path: ['s', 'b.c'], type: 'string', values: ['c0', null, 'c2', null, 'c4', 'c5'] });
    expect(out.columns[3].values).toEqual(['10', null, '12', '13', '14', '15']);
    expect(out.columns[4].values).toEqual(['0', null, '2', '3', '4', '5']);
    expect(out.columns[5].values).toEqual(['ab0', 'ab1', null, 'ab3', 'ab4', 'ab5']); // the top-level "a.b", not a path
  });

  it('says why a path cannot be followed', async () => {
    const r = await runCli(hostile, '--column', 'plain.x');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Column "plain" is of type int32: only the fields of a struct can be named by path/);
    expect((await runCli(hostile, '--column', 's.#7')).stderr).toMatch(/No column #7: "s" has 3 fields/);
  });

  it('--chunk counts rows within the chunk, and the JSON says which chunk', async () => {
    const r = await runCli(SAMPLE, '--chunk', '2', '--rows', '998:1000', '--column', 'file_num', '--json');
    const out = JSON.parse(r.stdout);
    expect(checkSchema(out, ROWS)).toEqual([]);
    expect(out).toMatchObject({ start: 998, end: 1000, chunk: 2 });
    const same = JSON.parse((await runCli(SAMPLE, '--rows', '2998:3000', '--column', 'file_num', '--json')).stdout);
    expect(out.columns).toEqual(same.columns);
  });
});

describe('text output is inert, machine formats exact', () => {
  it('table output has no control or bidi character but tab and newline, whatever names and values hold', async () => {
    for (const args of [[], ['--rows', '0:6'], ['--unique', 'nul\\x00name'], ['--rows', '0:6', '--column', 's.b.c']]) {
      const r = await runCli(hostile, ...args);
      expect(r.status, r.stderr).toBe(0);
      // eslint-disable-next-line no-control-regex -- looking for control characters
      expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    }
    const table = (await runCli(hostile, '--rows', '0:3', '--column', '#1')).stdout;
    expect(table).toBe('row\tnul\\x00name\n0\t=HYPERLINK("http://x")\n1\t-5\n2\t\\x1b]0;title\\x07\n');
    expect((await runCli(hostile)).stdout).toContain('  rtl\\u202egnp.exe: double\n');
  });

  it('error messages escape the names they quote', async () => {
    const r = await runCli(hostile, '--column', 'esc\\x1b[2Jname.x');
    expect(r.stderr).toContain('Column "esc\\x1b[2Jname" is of type string');
    expect(r.stderr).not.toContain('\x1b');
  });

  it('json, ndjson and csv carry the exact names and values; csv guards formulas unless told not to', async () => {
    const json = JSON.parse((await runCli(hostile, '--rows', '0:6', '--json')).stdout);
    const names = json.columns.map((c: { name: string }) => c.name);
    expect(names).toEqual(['plain', 'nul\0name', 'esc\x1b[2Jname', 'rtl\u202egnp.exe', 'a.b', 's']);
    const ndjson = (await runCli(hostile, '--rows', '0:6', '--format', 'ndjson')).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(ndjson.map((row) => row['nul\0name'])).toEqual(HOSTILE_TEXT);
    expect(Object.keys(ndjson[0])).toEqual(names);
    const csv = parseCsv((await runCli(hostile, '--rows', '0:6', '--format', 'csv')).stdout);
    expect(csv[0]).toEqual(names);
    expect(csv.slice(1).map((r) => r[1])).toEqual(["'=HYPERLINK(\"http://x\")", '-5', '\x1b]0;title\x07', 'tab\there', 'line\nbreak', '"quoted", too']);
    expect(csv.slice(1).map((r) => r[3])).toEqual(['-1.5', '2.0', '-0.0', '1e+21', '3.25', '-7.0']);
    const raw = parseCsv((await runCli(hostile, '--rows', '0:1', '--column', '#1', '--format', 'csv', '--no-formula-guard')).stdout);
    expect(raw).toEqual([['nul\0name'], ['=HYPERLINK("http://x")']]);
  });

  it('the same rows read the same in json, ndjson, csv and table', async () => {
    const args = [SAMPLE, '--rows', '990:1010', '--columns', 'cand_nm,contb_receipt_amt,contbr_employer,file_num'];
    const json = JSON.parse((await runCli(...args, '--json')).stdout);
    const byColumn = json.columns.map((c: { values: (string | null)[] }) => c.values);
    const rows = byColumn[0].map((_: unknown, r: number) => byColumn.map((col: (string | null)[]) => col[r]));
    const ndjson = (await runCli(...args, '--format', 'ndjson')).stdout.trim().split('\n').map((l) => Object.values(JSON.parse(l)));
    expect(ndjson).toEqual(rows);
    const csv = parseCsv((await runCli(...args, '--format', 'csv')).stdout).slice(1);
    expect(csv).toEqual(rows.map((r: (string | null)[]) => r.map((v) => v ?? '')));
    const table = (await runCli(...args)).stdout.trim().split('\n').slice(1).map((l) => l.split('\t'));
    expect(table).toEqual(rows.map((r: (string | null)[], i: number) => [String(990 + i), ...r.map((v) => v ?? 'null')]));
  });
});

describe('deep types', () => {
  it('a struct nested 150 deep: summarised in the schema, its --json small and valid, its values an error, never a stack overflow', async () => {
    // One open for all three outputs.
    const dataset = await openDataset(await NodeFileSource.open(deep));
    try {
      const text = await commandOutput((io) => summaryCommand(dataset, { format: 'table', allChunks: false }, io));
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('  deep: struct<… 150 levels …>\n');
      expect(text.stdout).toMatch(/… 118 more levels\n/);
      const json = await commandOutput((io) => summaryCommand(dataset, { format: 'json', allChunks: false }, io));
      expect(json.code).toBe(0);
      expect(json.stdout.length).toBeLessThan(20_000);
      const out = JSON.parse(json.stdout);
      expect(checkSchema(out, SUMMARY)).toEqual([]);
      let field = out.schema.fields[0];
      let levels = 0;
      while (field.children.length) {
        field = field.children[0];
        levels++;
      }
      expect(levels).toBe(32);
      expect(field).toMatchObject({ type: 'struct<… 118 levels …>', omittedLevels: 118 });
      const rows = await commandOutput((io) => rowsCommand(dataset, { format: 'json', rows: { start: 0, end: 2 }, formulaGuard: true }, io));
      expect(rows.code).toBe(1);
      expect(rows.stderr).toMatch(/^arrowscope: column "deep": .+\n$/);
      const values = JSON.parse(rows.stdout);
      expect(checkSchema(values, ROWS)).toEqual([]);
      expect(values.columns[0]).toMatchObject({ name: 'deep', type: 'struct<… 150 levels …>', values: [null, null], error: expect.any(String) });
      expect(values.columns[1]).toEqual({ name: 'id', type: 'int32', values: ['7', '8'] });
    } finally {
      await dataset.close();
    }
  });
});

describe('JSON schemas in docs/cli', () => {
  it('the checker rejects what does not fit (so a pass means something)', () => {
    expect(checkSchema({ start: 0, end: 1, columns: [{ name: 'a', type: 'int32', values: [1] }] }, ROWS)).toEqual(['$.columns[0].values[0]: integer, expected string or null']);
    expect(checkSchema({ column: 'a', rows: 1, distinct: 1, exact: true, nulls: 0, values: [{ value: 'x' }], extra: 1 }, UNIQUE)).toEqual([
      '$.values[0]: missing count',
      '$: unexpected extra',
    ]);
  });

  it('summary: Arrow stream, Arrow file and Parquet; ndjson lines are its chunks', async () => {
    const parquet = fixture('parquet-testing/data/alltypes_plain.parquet');
    const nested = fixture('arrow-testing/data/arrow-ipc-stream/integration/cpp-21.0.0/generated_nested.stream');
    for (const file of [SAMPLE, parquet, nested, hostile]) {
      const r = await runCli(file, '--json');
      expect(r.status, r.stderr).toBe(0);
      expect(checkSchema(JSON.parse(r.stdout), SUMMARY), file).toEqual([]);
    }
    const lines = (await runCli(SAMPLE, '--format', 'ndjson')).stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(checkSchema(JSON.parse(line), def(SUMMARY, 'chunk'))).toEqual([]);
  });

  it('rows and unique values, and unique ndjson lines', async () => {
    const parquet = fixture('parquet-testing/data/alltypes_plain.parquet');
    for (const args of [[SAMPLE, '--rows', '0:50'], [parquet, '--rows', '0:8'], [hostile, '--rows', '2:5', '--column', 's.inner']]) {
      const r = await runCli(...args, '--json');
      expect(r.status, r.stderr).toBe(0);
      expect(checkSchema(JSON.parse(r.stdout), ROWS)).toEqual([]);
    }
    for (const args of [[SAMPLE, '--unique', 'cand_nm'], [parquet, '--unique', 'string_col'], [hostile, '--unique', 'a.b']]) {
      const r = await runCli(...args, '--json');
      expect(r.status, r.stderr).toBe(0);
      expect(checkSchema(JSON.parse(r.stdout), UNIQUE)).toEqual([]);
    }
    const lines = (await runCli(hostile, '--unique', 'a.b', '--format', 'ndjson')).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(6);
    expect(lines.find((l) => l.value === null)).toEqual({ value: null, count: 1 });
    for (const line of lines) expect(checkSchema(line, def(UNIQUE, 'valueCount'))).toEqual([]);
  });
});
