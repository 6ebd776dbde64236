import { describe, expect, it } from 'vitest';
import { readHash, shareUrl, writeHash } from '../../src/ui/shareLink';

describe('share links', () => {
  it('round-trips a remote file and its view', () => {
    const state = { url: 'https://example.org/a b.parquet', view: 'unique', row: 12, column: 2, sort: 'value' as const };
    expect(readHash(writeHash(state))).toEqual(state);
  });

  it('round-trips a local file by name and size', () => {
    const state = { file: { name: 'fec #1.arrow', size: 5480 }, view: 'data', row: 37_000_000 };
    expect(readHash(writeHash(state))).toEqual(state);
  });

  it('round-trips a filter, whatever characters it holds', () => {
    const where = `cand_nm = 'O''Brien & Co' AND "contbr nm" ~* '^a+b#?' OR x IN (1, 2)\n AND y != '€ 100%'`;
    const state = { url: 'https://example.org/f.arrow', view: 'data', row: 5, where };
    expect(readHash(writeHash(state))).toEqual(state);
    expect(readHash(writeHash({ file: { name: 'a.arrow', size: 3 }, where: 'n > 2' }))).toEqual({ file: { name: 'a.arrow', size: 3 }, where: 'n > 2' });
    // An empty filter is no filter.
    expect(readHash('#view=data&where=')).toEqual({ view: 'data' });
    expect(readHash('#view=data&where=%20%20')).toEqual({ view: 'data' });
  });

  it('ignores what it cannot trust', () => {
    expect(readHash('#url=javascript:alert(1)&row=-1&column=x&sort=up')).toEqual({});
    expect(readHash('#file=a.arrow')).toEqual({});
    expect(readHash('#file=a.arrow&size=')).toEqual({});
  });

  it('builds the whole link of this page', () => {
    expect(shareUrl({ view: 'schema' }, { origin: 'http://h', pathname: '/app/', search: '?x=1' })).toBe('http://h/app/?x=1#view=schema');
  });
});
