import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { fixture } from '../support/corpus';
import { runCli } from './support/runCli';

// The real bin in the first test; the command in this process in the others (same code, no start-up cost).
const cli = runCli;

describe('arrowscope command line', () => {
  it('--json prints one object with format, rows, schema and chunks', () => {
    const out = JSON.parse(execFileSync(process.execPath, ['bin/arrowscope.mjs', 'public/sample.arrow', '--json'], { encoding: 'utf8' }));
    expect(out.format).toBe('arrow-file');
    expect(out.rows).toBe(4000);
    expect(out.schema.fields.map((f: { name: string }) => f.name)).toContain('cand_nm');
    expect(out.chunks).toHaveLength(4);
    expect(out.chunks[1]).toMatchObject({ rows: 1000, offset: expect.any(Number), bytes: expect.any(Number) });
  });

  it('prints values of one column of one chunk, under a header line', async () => {
    const r = await cli('public/sample.arrow', '--column', 'cand_nm', '--chunk', '0', '--rows', '0:2');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['row\tcand_nm', '0\tObama, Barack', '1\tObama, Barack']);
  });

  it('reports a bad file on stderr with where in the file, and exits 1', async () => {
    const fuzz = fixture('arrow-testing/data/arrow-ipc-file/clusterfuzz-testcase-minimized-arrow-ipc-file-fuzz-5664782210564096');
    const r = await cli(fuzz);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^arrowscope: /);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
  it('--unique --json counts every value of a column over all batches, nulls as one entry', async () => {
    const stream = fixture('arrow-testing/data/arrow-ipc-stream/integration/cpp-21.0.0/generated_primitive.stream');
    const r = await cli(stream, '--unique', 'int32_nullable', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { column: string; rows: number; values: { value: string | null; count: number }[] };
    const reference = new Map<string | null, number>();
    for (const v of tableFromIPC(readFileSync(stream)).getChild('int32_nullable')!) {
      const text = v === null ? null : String(v); // int32 text: its decimal digits
      reference.set(text, (reference.get(text) ?? 0) + 1);
    }
    expect(out.column).toBe('int32_nullable');
    expect(out.rows).toBe(37);
    expect(out.values.filter((v) => v.value === null)).toHaveLength(reference.has(null) ? 1 : 0);
    expect(new Map(out.values.map((v) => [v.value, v.count]))).toEqual(reference);
  });

  it('opens Parquet: --json row groups as chunks, and values of one column', async () => {
    const file = fixture('parquet-testing/data/alltypes_plain.parquet');
    const r = await cli(file, '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ format: 'parquet', rows: 8 });
    expect(out.chunks).toEqual([expect.objectContaining({ rows: 8, offset: expect.any(Number), bytes: expect.any(Number) })]);
    const ids = await cli(file, '--column', 'id', '--chunk', '0', '--rows', '0:8');
    expect(ids.stdout.trim().split('\n').slice(1).map((l) => l.split('\t')[1])).toEqual(['4', '5', '6', '7', '2', '3', '0', '1']);
  });
});
