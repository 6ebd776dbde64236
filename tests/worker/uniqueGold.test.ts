import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GoldFile as Gold } from '../../scripts/corpus/pyarrowGold';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { Engine } from '../../src/worker/engine';
import { CORPUS_DIR, describeCorpus } from '../support/corpus';


const GOLD = resolve(__dirname, '../gold');
const WRITERS = resolve(__dirname, '../fixtures/writers');
/** Files whose every row pyarrow's gold holds (small ones), and none refused by the memory budget on purpose. */
const golds = (set: string): Gold[] =>
  readdirSync(join(GOLD, set))
    .map((n) => JSON.parse(readFileSync(join(GOLD, set, n), 'utf8')) as Gold)
    .filter((g) => g.columns?.length && g.columns.every((c) => c.values && c.index.length === c.rows) && !g.file.includes('budget_'));

const NULL = '\u2205 null';
const tally = (texts: (string | null)[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const t of texts) counts[t ?? NULL] = (counts[t ?? NULL] ?? 0) + 1;
  return counts;
};

async function expectCounted(path: string, gold: Gold): Promise<void> {
  const engine = new Engine();
  const { id } = await engine.openSource(await NodeFileSource.open(path), true);
  try {
    for (const [c, column] of gold.columns!.entries()) {
      await engine.unique(id, c, () => {});
      const { values } = engine.uniqueValues(id, c, 0, column.rows + 1, 'value', '');
      // Summed by text: distinct values may show the same (a date64 of 1 ms shows its day, as midnight's does).
      const listed: Record<string, number> = {};
      for (const v of values) {
        const text = v.value === null ? NULL : String(v.value);
        listed[text] = (listed[text] ?? 0) + v.count;
      }
      expect(listed, column.name).toEqual(tally(column.values!));
    }
  } finally {
    await engine.close(id);
  }
}

const writers = golds('writers');
describe("each column's unique values and counts are pyarrow's values counted (tests/gold/writers)", () => {
  it('covers the writers', () => expect(writers.length).toBeGreaterThanOrEqual(30));
  it.each(writers.map((g) => g.file))('%s', (file) => expectCounted(join(WRITERS, file), writers.find((g) => g.file === file)!));
});

const corpus = golds('corpus').filter((g) => existsSync(join(CORPUS_DIR, g.file)));
describeCorpus("each column's unique values and counts are pyarrow's values counted (tests/gold/corpus)", () => {
  it('covers the corpus', () => expect(corpus.length).toBeGreaterThanOrEqual(50));
  it.each(corpus.map((g) => g.file))('%s', (file) => expectCounted(join(CORPUS_DIR, file), corpus.find((g) => g.file === file)!));
});
