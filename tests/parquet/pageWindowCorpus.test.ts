import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expect, it } from 'vitest';
import { CORPUS_DIR, corpusFiles, describeCorpus } from '../support/corpus';
import { pageRunsDecoded } from '../../src/parquet/pageWindow';
import { compareWindows, open, pageLoads } from './support/windowCompare';

describeCorpus('Parquet row windows by pages on every corpus file', () => {
  const byPages: string[] = [];
  const byJs: string[] = [];
  it.each(corpusFiles('', /\.parquet$/).map((f) => [relative(CORPUS_DIR, f), f]))('%s: windows across page edges read the same as whole column chunks', async (name, path) => {
    const bytes = new Uint8Array(readFileSync(path));
    try {
      await (await open(bytes, name)).close();
    } catch {
      return; // files that do not open are covered by the corpus and hostile tests
    }
    const before = pageLoads();
    const js = pageRunsDecoded.js;
    expect(await compareWindows(bytes, undefined, name)).toBeGreaterThan(0);
    if (pageLoads() > before) byPages.push(name);
    if (pageRunsDecoded.js > js) byJs.push(name);
  });

  it('read windows by pages in the files with multi-page chunks', () => {
    console.log(byPages.join('\n'));
    expect(byPages).toContain('parquet-testing/data/alltypes_tiny_pages.parquet');
    // Its int, float, double and string pages go through the JS page decoder (flatPages.ts).
    expect(byJs).toContain('parquet-testing/data/alltypes_tiny_pages.parquet');
  });
});
