import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { corpusFiles, hasCorpus } from '../support/corpus';

const cli = (...args: string[]) => spawnSync(process.execPath, ['bin/arrowscope.mjs', ...args], { encoding: 'utf8' });

describe('arrowscope command line', () => {
  it('--json prints one object with format, rows, schema and chunks', () => {
    const out = JSON.parse(execFileSync(process.execPath, ['bin/arrowscope.mjs', 'public/sample.arrow', '--json'], { encoding: 'utf8' }));
    expect(out.format).toBe('arrow-file');
    expect(out.rows).toBe(4000);
    expect(out.schema.fields.map((f: { name: string }) => f.name)).toContain('cand_nm');
    expect(out.chunks).toHaveLength(4);
    expect(out.chunks[1]).toMatchObject({ rows: 1000, offset: expect.any(Number), bytes: expect.any(Number) });
  });

  it('prints values of one column of one chunk', () => {
    const r = cli('public/sample.arrow', '--column', 'cand_nm', '--chunk', '0', '--rows', '0:2');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['0\tObama, Barack', '1\tObama, Barack']);
  });

  it.runIf(hasCorpus)('reports a bad file on stderr with where in the file, and exits 1', () => {
    const [fuzz] = corpusFiles('arrow-testing/data/arrow-ipc-file', /fuzz-5664782210564096$/);
    const r = cli(fuzz);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^arrowscope: /);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
