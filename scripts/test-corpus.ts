/**
 * Conformance over a corpus directory ($CORPUS_DIR, default ../shared/corpus):
 * - every Arrow gold case (X.json.gz beside X.stream / X.arrow_file): schema, batches, rows and
 *   every value, through the whole-column and the row-window paths;
 * - every Parquet file with an X_expect.csv beside it: every value;
 * - every other well-formed Parquet file: every flat column of a type both represent exactly, against
 *   an independent reader (hyparquet);
 * - every other Arrow or Parquet file (fuzz, crash and bad_data inputs included): opening and reading
 *   every column must end within seconds with data or a clear DatasetError, in a heap-capped child;
 *   a well-formed file (not FUZZ or MALFORMED in MANIFEST.tsv) must read every column without error;
 * - what pyarrow reads (tests/gold/corpus, tests/gold/writers): every column's type name and the text the
 *   grid shows for the rows pyarrow rendered, through the app's engine. A column with no reference is
 *   counted apart, never as passed.
 * Prints failures, then `N passed, N failed`; exits 1 on any failure.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { checkGoldCase, type CaseResult } from './corpus/goldCases';
import { readAllContained } from './corpus/contained';
import { checkExpectCsv } from './corpus/expectCsv';
import { checkPyarrowGold, type GoldColumnResult } from './corpus/pyarrowGold';
import { readFileSync } from 'node:fs';

const corpusDir = resolve(process.env.CORPUS_DIR ?? join(process.cwd(), '../shared/corpus'));
if (!existsSync(corpusDir)) {
  console.error(`corpus directory not found: ${corpusDir} (set CORPUS_DIR)`);
  process.exit(1);
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const files = walk(corpusDir);
/** Inputs the corpus marks as fuzz, malformed or encrypted: they need only end with data or a clear error. */
const notWellFormed = new Set(
  readFileSync(join(corpusDir, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([, , , kind]) => kind && /FUZZ|MALFORMED|encrypted/.test(kind))
    .map(([path]) => join(corpusDir, path)),
);
const isArrowPath = (p: string) => /\/arrow-ipc-(stream|file)\//.test(p) || /\.(arrow|arrows|feather|ipc|stream|arrow_file)$/.test(p);
const isParquetPath = (p: string) => /\.parquet(\.encrypted)?$/.test(p) || /\/parquet\/fuzzing\//.test(p) || /\/bad_data\//.test(p);
const goldJson = files.filter((p) => p.endsWith('.json.gz') && isArrowPath(p));
const goldFiles = new Set<string>();
const results: CaseResult[] = [];
const started = performance.now();

for (const json of goldJson) {
  const stem = json.slice(0, -'.json.gz'.length);
  for (const ext of ['.stream', '.arrow_file']) {
    const file = stem + ext;
    if (!existsSync(file)) continue;
    goldFiles.add(file);
    results.push(...(await checkGoldCase(file, json)));
  }
}

for (const csv of files.filter((p) => p.endsWith('_expect.csv'))) {
  const file = csv.replace(/_expect\.csv$/, '.parquet');
  if (existsSync(file)) results.push(await checkExpectCsv(file, csv));
}

// Everything else that looks like Arrow IPC or Parquet: must end with data or a clear error.
const others = files.filter((p) => (isArrowPath(p) || isParquetPath(p)) && !goldFiles.has(p) && !/\.(json|json\.gz|md|txt|gz)$/i.test(p) && !/(README|LICENSE)/.test(basename(p)) && !p.includes('arrow-ipc-tensor-stream'));
const otherOutcomes = new Map<string, number>();
const reference = { files: 0, columns: 0, skippedColumns: 0, unavailable: [] as string[] };
for (const r of await readAllContained(others)) {
  otherOutcomes.set(r.outcome.kind, (otherOutcomes.get(r.outcome.kind) ?? 0) + 1);
  const o = r.outcome;
  const ref = o.kind === 'data' ? o.reference : undefined;
  if (ref?.compared && !ref.mismatch) {
    reference.files++;
    reference.columns += ref.compared;
    reference.skippedColumns += ref.skipped;
  }
  if (ref?.unavailable) reference.unavailable.push(`${relative(corpusDir, r.path)} (${ref.unavailable})`);
  if (ref?.mismatch) results.push({ file: r.path, status: 'fail', detail: `differs from the reference reader: ${ref.mismatch}` });
  else if (!notWellFormed.has(r.path) && o.kind === 'error') results.push({ file: r.path, status: 'fail', detail: `a well-formed file does not open: ${o.message}` });
  else if (!notWellFormed.has(r.path) && o.kind === 'data' && o.columnErrors) results.push({ file: r.path, status: 'fail', detail: `a well-formed file has ${o.columnErrors} column errors, first: ${o.firstColumnError}` });
  else {
    const ok = o.kind === 'data' || o.kind === 'error';
    results.push({ file: r.path, status: ok ? 'pass' : 'fail', detail: ok ? undefined : `${o.kind}: ${'message' in o ? o.message : ''}` });
  }
}

// What pyarrow reads, as the grid shows it: corpus files and the small files other writers made (tests/fixtures/writers).
const gold: GoldColumnResult[] = [
  ...(await checkPyarrowGold(join(process.cwd(), 'tests/gold/corpus'), corpusDir)),
  ...(await checkPyarrowGold(join(process.cwd(), 'tests/gold/writers'), join(process.cwd(), 'tests/fixtures/writers'))),
];
for (const g of gold) {
  if (g.outcome === 'differs' || g.outcome === 'error') results.push({ file: g.file, status: 'fail', detail: `column ${g.column} vs pyarrow: ${g.detail}` });
  else if (!g.typeEqual) results.push({ file: g.file, status: 'fail', detail: `column ${g.column} type: ${g.detail}` });
  else if (g.outcome === 'equal') results.push({ file: g.file, status: 'pass' });
}
const goldCount = (f: (g: GoldColumnResult) => boolean) => gold.filter(f).length;

const rel = (p: string) => relative(corpusDir, p);
const byFile = new Map<string, CaseResult[]>();
for (const r of results) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
let passed = 0;
let failed = 0;
let unsupported = 0;
for (const [file, rs] of byFile) {
  if (rs.some((r) => r.status === 'fail')) {
    failed++;
    for (const r of rs.filter((x) => x.status === 'fail').slice(0, 5)) console.log(`FAIL ${rel(file)}: ${r.detail}`);
  } else if (rs.some((r) => r.status === 'unsupported')) {
    unsupported++;
    console.log(`UNSUPPORTED ${rel(file)}: ${rs.find((r) => r.status === 'unsupported')!.detail}`);
  } else passed++;
}
console.log(`\nconformance over ${corpusDir}: ${goldFiles.size} Arrow gold files, ${others.length} other Arrow and Parquet inputs, ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`other inputs: ${[...otherOutcomes].map(([k, n]) => `${n} ${k === 'data' ? 'read to the end' : k === 'error' ? 'clear DatasetError' : k}`).join(', ')}`);
console.log(`Parquet against hyparquet: ${reference.files} files, ${reference.columns} columns equal value by value (${reference.skippedColumns} nested, decimal or other columns not compared there)`);
if (reference.unavailable.length) console.log(`no reference for ${reference.unavailable.length}: ${reference.unavailable.join('; ')}`);
console.log(`${unsupported} unsupported (reported as such, never shown wrong)`);
console.log(
  `against pyarrow: ${gold.length} columns of ${new Set(gold.map((g) => g.file)).size} files; ${goldCount((g) => g.outcome === 'equal')} show pyarrow's values, ` +
    `${goldCount((g) => g.outcome === 'differs')} differ, ${goldCount((g) => g.outcome === 'error')} cannot be read, ${goldCount((g) => g.outcome === 'refused')} refused past the memory budget with a sentence, ` +
    `${goldCount((g) => g.outcome === 'noReference')} without a reference (counted apart: ${[...new Set(gold.filter((g) => g.outcome === 'noReference').map((g) => g.detail))].join('; ')}); ` +
    `${goldCount((g) => !g.typeEqual)} type names differ`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
