import { readFileSync, statSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { corpusFiles, fixtureFiles, hasCorpus, CORPUS_DIR, FIXTURES_DIR } from '../support/corpus';
import type { MutatedEngine, Seed } from './mutate';

const WRITERS = resolve(__dirname, '../fixtures/writers');
/** Seeds stay small, so that a thousand mutants run in seconds. */
const MAX_SEED_BYTES = 64 * 1024;

const ARROW_FILE_MAGIC = 'ARROW1';
const isArrowFile = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 6)).toString('latin1') === ARROW_FILE_MAGIC;
const isParquet = (bytes: Uint8Array) => Buffer.from(bytes.subarray(bytes.length - 4)).toString('latin1') === 'PAR1';

function read(paths: string[], root: string): Seed[] {
  return paths.filter((p) => statSync(p).size <= MAX_SEED_BYTES).map((p) => ({ name: relative(root, p) || basename(p), bytes: Uint8Array.from(readFileSync(p)) }));
}

/**
 * Well-formed files of each engine to mutate: the vendored corpus files and writer fixtures, and the
 * whole corpus's small files when it is present (../shared/corpus or $CORPUS_DIR). Sorted, so a seed
 * number names the same mutants wherever the same files are.
 */
export function seedsFor(engine: MutatedEngine): Seed[] {
  const arrow = /\.(stream|arrow_file|arrows|arrow|feather|ipc)$/;
  const vendored = [
    ...read(fixtureFiles('', engine === 'parquet' ? /\.parquet$/ : arrow), FIXTURES_DIR),
    ...read(engine === 'parquet' ? fixtureFiles('../writers/parquet', /\.parquet$/) : fixtureFiles('../writers/pyarrow', arrow), WRITERS),
  ];
  const corpus = hasCorpus ? read(corpusFiles('', engine === 'parquet' ? /\.parquet$/ : arrow), CORPUS_DIR).filter((s) => !/fuzz|crash|bad_data|malformed/i.test(s.name)) : [];
  const byName = new Map<string, Seed>();
  for (const s of [...vendored, ...corpus]) byName.set(s.name, s);
  const all = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  if (engine === 'parquet') return all.filter((s) => isParquet(s.bytes));
  return all.filter((s) => isArrowFile(s.bytes) === (engine === 'arrow file'));
}
