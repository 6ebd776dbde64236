import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe } from 'vitest';

/** Small corpus files vendored with their licences (tests/fixtures/corpus/LICENSES.md), same layout as the corpus. */
export const FIXTURES_DIR = resolve(__dirname, '../fixtures/corpus');
/** The whole corpus (../shared/corpus or $CORPUS_DIR), for the tests that go over every file. */
export const CORPUS_DIR = resolve(process.env.CORPUS_DIR ?? join(__dirname, '../../../shared/corpus'));
export const hasCorpus = existsSync(CORPUS_DIR);

/** Path of a vendored file, by its path in the corpus: unit tests that use it never skip. */
export const fixture = (rel: string): string => {
  const path = join(FIXTURES_DIR, rel);
  if (!existsSync(path)) throw new Error(`${rel} is not vendored under tests/fixtures/corpus`);
  return path;
};

function filesBelow(root: string, pattern: RegExp): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (pattern.test(name)) out.push(p);
    }
  };
  walk(root);
  return out;
}

/** Every vendored file below `dir` (a corpus path) whose name matches `pattern`. */
export const fixtureFiles = (dir: string, pattern: RegExp): string[] => filesBelow(join(FIXTURES_DIR, dir), pattern);

/** Every corpus file below `dir` whose name matches `pattern`. */
export const corpusFiles = (dir: string, pattern: RegExp): string[] => filesBelow(join(CORPUS_DIR, dir), pattern);

/**
 * Tests over the whole corpus. Without it they cannot compare anything: in CI that fails with a clear message
 * (a missing corpus must never pass as green); elsewhere they are skipped, and the skip is reported.
 */
export function describeCorpus(name: string, body: () => void): void {
  if (hasCorpus) describe(name, body);
  else if (process.env.CI) {
    describe(name, () => {
      throw new Error(`The test corpus is missing at ${CORPUS_DIR}: set CORPUS_DIR or place ../shared/corpus beside the repo.`);
    });
  } else describe.skip(`${name} (no corpus at ${CORPUS_DIR})`, body);
}
