import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

export const CORPUS_DIR = resolve(process.env.CORPUS_DIR ?? join(process.cwd(), '../shared/corpus'));
/** A corpus file: its vendored copy under tests/fixtures/corpus when there is one, so that the test runs anywhere. */
export const corpus = (path: string): string => {
  const vendored = join(process.cwd(), 'tests/fixtures/corpus', path);
  return existsSync(vendored) ? vendored : join(CORPUS_DIR, path);
};
/** A 2,000,000-row stream the global setup writes: enough rows to need scaled scrolling. */
export const TALL_FILE = join(tmpdir(), 'arrowscope-e2e-tall.arrows');
export const TALL_ROWS = 2_000_000;
/** The 9 GB reference stream, when `npm run gen` has made it (set ARROWSCOPE_BIG to point elsewhere). */
export const BIG_FILE = process.env.ARROWSCOPE_BIG ?? '/work/data/fec-50.arrows';
/** A 2.2 GB stream (12 copies) the global setup generates when the 9 GB one is absent and the disk has room. */
export const MULTI_GB_FILE = join(tmpdir(), 'arrowscope-e2e-12-copies.arrows');
