/**
 * Compares what Arrowscope shows with pyarrow's gold text for the files scripts/fuzz/random_files.py
 * wrote: rows, names, type names, and every value read two ways, as a whole column (the scans'
 * path) and in row windows (the grid's path, several windows per file, some across chunks); then
 * unique counts, profiles, filter counts and sort orders against pyarrow.compute's.
 *
 *   npx tsx scripts/fuzz/compare.ts OUT_DIR [FILE...]
 *
 * EXPORTS=1: each file pyarrow reads is also exported whole to .arrows, .parquet (in row groups of
 * a random size) and .csv (no formula guard), and to .arrows with its rows shuffled, under
 * OUT_DIR/exports, for scripts/fuzz/exports_check.py to read back with pyarrow.
 *
 * Prints one line per difference (file, column, row, ours, pyarrow's) and a count per file; a column
 * pyarrow gives no reference for is counted apart. Where pyarrow cannot read a Parquet file, the values
 * are arrow-rs's (or DuckDB's) reading: those readers restore some stored types pyarrow does not (a
 * date64 written as plain INT64 by arrow-rs is a date to arrow-rs, an int64 to pyarrow and to us), and
 * leave some as they are stored (arrow-rs shows a UUID column as its 16 bytes; pyarrow and we as a UUID).
 */
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { exportRows, writtenTypeChanges } from '../../src/compute/export';
import { readRowWindow } from '../../src/compute/rowWindow';
import { sortedRows } from '../../src/compute/sort';
import { openDataset } from '../../src/dataset/openDataset';
import { errorMessage } from '../../src/model/errors';
import type { Dataset } from '../../src/model/types';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { vectorText } from '../../src/valueText';
import { ColumnTotalsBuilder } from '../../src/worker/columnTotals';
import { Engine } from '../../src/worker/engine';
import type { GoldColumn, GoldFile } from '../corpus/pyarrowGold';

/** scripts/gold/parquet_stats_gold.py's rows: a flat column chunk's min/max (rowGroup -1: over the row groups). */
interface StatsGold {
  rowGroup: number;
  column: string;
  min: string;
  max: string;
}
/** pyarrow's figures of a numeric column (random_files.py profile_gold). */
interface ProfileGold {
  min: string;
  max: string;
  mean: string;
  quantiles: string[];
}
/** A gold file with what random_files.py adds to pyarrow_gold.py's. */
interface Gold extends GoldFile {
  filters?: { where: string; matched: number }[];
  stats?: StatsGold[];
  profile?: Record<string, ProfileGold>;
  /** random_files.py sorts_gold: [column, descending] keys and pyarrow.compute.sort_indices's row order. */
  sorts?: { keys: [number, boolean][]; indices: number[] }[];
  noReference?: string;
  /** Set where pyarrow cannot read the file and the values are arrow-rs's or DuckDB's (random_files.py other_reader_gold). */
  reference?: string;
}

const shown = (t: unknown): string | null => (t === null ? null : typeof t === 'string' ? t : `ERROR ${JSON.stringify(t)}`);

async function wholeColumn(ds: Dataset, c: number): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  for (let g = 0; g < ds.chunks.length; g++) out.push(...vectorText(await ds.readColumn(g, c), ds.fields[c].extension).map(shown));
  return out;
}

async function windows(ds: Dataset, c: number, seed: number): Promise<Map<number, string | null>> {
  const got = new Map<number, string | null>();
  const n = ds.rows;
  let x = seed;
  const rand = (k: number) => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) % Math.max(1, k));
  for (let w = 0; w < 6 && n > 0; w++) {
    const start = rand(n);
    const count = 1 + rand(Math.min(130, n - start));
    const win = await readRowWindow(ds, start, count, [c]);
    win.columns[0].forEach((t, i) => got.set(start + i, shown(t)));
  }
  return got;
}

const NULL = '\u2205 null';

/** Python gives no zone offset outside years 1..9999: the gold then has the zone's name (or offset) after a space instead. */
const noOffset = (want: string | null): boolean => want !== null && /\d (?:[A-Za-z_]+\/[A-Za-z_/]+|[+-]\d\d:\d\d)(?:[\],}]|$)/.test(want);

type Counted = { tally: Record<string, number>; profile?: ProfileGold & { quantilesExact?: boolean } } | string;

/** Per column, the unique values' counts summed by their text (as tests/worker/uniqueGold.test.ts) and the profile's figures, or why not counted. */
async function uniqueTallies(path: string, columns: GoldColumn[]): Promise<Counted[]> {
  const engine = new Engine();
  const { id } = await engine.openSource(await NodeFileSource.open(path), true);
  try {
    const out: Counted[] = [];
    for (const [c, column] of columns.entries()) {
      try {
        const { profile } = await engine.unique(id, c, () => {});
        const { values } = engine.uniqueValues(id, c, 0, column.rows + 1, 'value', '');
        const listed: Record<string, number> = {};
        for (const v of values) {
          const text = v.value === null ? NULL : String(v.value);
          listed[text] = (listed[text] ?? 0) + v.count;
        }
        out.push({ tally: listed, profile: profile.text ? { ...profile.text, quantilesExact: profile.quantilesExact } : undefined });
      } catch (e) {
        out.push(errorMessage(e));
      }
    }
    return out;
  } finally {
    await engine.close(id);
  }
}

/** Footer statistics: every flat chunk's min/max shown against pyarrow's (none where pyarrow uses none), and the totals. */
async function compareStats(ds: Dataset, stats: StatsGold[], say: (s: string) => void): Promise<number> {
  let compared = 0;
  const totals = new ColumnTotalsBuilder(ds.fields.map(() => ({})));
  // Min/max a writer is known to get wrong (statisticsRules.ts minMaxWrong) are not shown though pyarrow shows them.
  const knownWrong = new Set<string>();
  for (let g = 0; g < ds.chunks.length; g++) {
    const detail = await ds.chunkDetail(g);
    totals.add(detail);
    for (const c of detail.columns) {
      const name = ds.fields[c.column]?.name;
      if (!name || name.includes('.') || ds.fields[c.column].type.includes('<')) continue; // flat columns (gold: path without '.')
      const want = stats.find((x) => x.rowGroup === g && x.column === name);
      if (want && (noOffset(want.min) || noOffset(want.max))) continue;
      if (c.stats?.minMaxNote?.startsWith('min/max stored but not shown: ')) {
        knownWrong.add(name);
        continue;
      }
      const got = { min: c.stats?.min, max: c.stats?.max };
      compared++;
      if (!want && (got.min !== undefined || got.max !== undefined)) say(`${name} row group ${g}: min/max ${got.min} … ${got.max} shown where pyarrow uses none`);
      else if (want && (got.min !== want.min || got.max !== want.max)) say(`${name} row group ${g}: min/max ${got.min} … ${got.max} vs ${want.min} … ${want.max}`);
    }
  }
  for (const want of stats.filter((x) => x.rowGroup < 0 && !noOffset(x.min) && !noOffset(x.max) && !knownWrong.has(x.column))) {
    const total = totals.columns().find((t) => ds.fields[t.column].name === want.column);
    compared++;
    if (total?.min !== want.min || total?.max !== want.max) say(`${want.column} over the row groups: ${total?.min} … ${total?.max} vs ${want.min} … ${want.max}`);
  }
  return compared;
}

/** Each filter's count of matches against pyarrow.compute's (random_files.py filter_gold). */
async function compareFilters(path: string, filters: { where: string; matched: number }[], say: (s: string) => void): Promise<number> {
  const engine = new Engine();
  const { id } = await engine.openSource(await NodeFileSource.open(path), true);
  try {
    let k = 0;
    for (const { where, matched } of filters) {
      const answer = await engine.filter(id, where, `filter${k++}`);
      if (answer.problem) say(`filter ${where}: refused: ${answer.problem.message}`);
      else if (answer.status.matched !== matched) say(`filter ${where}: ${answer.status.matched} rows match where pyarrow.compute says ${matched}`);
    }
    return filters.length;
  } finally {
    await engine.close(id);
  }
}

/** Each sort's row order against pyarrow.compute.sort_indices's (random_files.py sorts_gold). */
async function compareSorts(ds: Dataset, sorts: NonNullable<Gold['sorts']>, say: (s: string) => void): Promise<number> {
  for (const { keys, indices } of sorts) {
    const what = keys.map(([c, d]) => `#${c}${d ? ' desc' : ''}`).join(', ');
    let rows: Float64Array;
    try {
      rows = (await sortedRows(ds, keys.map(([column, descending]) => ({ column, descending })))).rows;
    } catch (e) {
      say(`sort by ${what}: refused: ${errorMessage(e)}`);
      continue;
    }
    const at = indices.findIndex((row, i) => rows[i] !== row);
    if (at >= 0 || rows.length !== indices.length) say(`sort by ${what}: place ${at} holds file row ${rows[at]} where pyarrow's order has ${indices[at]} (${rows.length} rows sorted, pyarrow ${indices.length})`);
  }
  return sorts.length;
}

async function compareFile(dir: string, gold: Gold): Promise<{ diffs: number; apart: number; compared: number }> {
  const path = join(dir, 'files', gold.file);
  let diffs = 0;
  let apart = 0;
  let compared = 0;
  const say = (s: string) => {
    diffs++;
    if (diffs <= Number(process.env.SHOW ?? 12)) console.log(`${gold.file}: ${s}`);
  };
  if (gold.noReference) return { diffs, apart: 1, compared };
  let ds: Dataset;
  try {
    ds = await openDataset(await NodeFileSource.open(path));
    await ds.indexed;
  } catch (e) {
    if (gold.unreadable) return { diffs, apart: 1, compared };
    say(`we cannot open it: ${errorMessage(e)}`);
    return { diffs, apart, compared };
  }
  try {
    if (gold.unreadable) {
      say(`pyarrow cannot read it (${gold.unreadable}) but we open it`);
      return { diffs, apart, compared };
    }
    if (ds.rows !== gold.rows) say(`rows ${ds.rows} vs ${gold.rows}`);
    const tallies = await uniqueTallies(path, gold.columns!);
    if (gold.stats) compared += await compareStats(ds, gold.stats, say);
    if (gold.filters) compared += await compareFilters(path, gold.filters, say);
    if (gold.sorts) compared += await compareSorts(ds, gold.sorts, say);
    for (const [c, col] of gold.columns!.entries()) {
      const f = ds.fields[c];
      if (!f || f.name !== col.name) {
        say(`column ${c}: name ${f?.name} vs ${col.name}`);
        continue;
      }
      // Another reader's types are its own (arrow-rs names a map's entries after the Parquet group): values only.
      if (f.type !== col.type && !gold.reference) say(`${col.name}: type ${f.type} vs ${col.type}`);
      if (!col.values) {
        apart++;
        continue;
      }
      let whole: (string | null)[];
      try {
        whole = await wholeColumn(ds, c);
      } catch (e) {
        say(`${col.name}: whole column not read: ${errorMessage(e)}`);
        continue;
      }
      const win = await windows(ds, c, c * 7919 + gold.file.length);
      const apartBefore = apart;
      for (const [k, i] of col.index.entries()) {
        const want = col.values[k];
        if (f.type.includes('tz=') && noOffset(want)) {
          apart++;
          continue;
        }
        compared++;
        if (whole[i] !== col.values[k]) say(`${col.name} row ${i} (whole): ${JSON.stringify(whole[i])} vs ${JSON.stringify(col.values[k])}`);
        if (win.has(i) && win.get(i) !== col.values[k]) say(`${col.name} row ${i} (window): ${JSON.stringify(win.get(i))} vs ${JSON.stringify(col.values[k])}`);
      }
      const counted = tallies[c];
      if (apart > apartBefore) continue; // values pyarrow gives no reference for
      if (typeof counted === 'string') {
        say(`${col.name}: unique values not counted: ${counted}`);
        continue;
      }
      const want = gold.profile?.[col.name];
      if (want) {
        const got = counted.profile;
        compared++;
        if (!got) say(`${col.name}: no profile where pyarrow gives ${JSON.stringify(want)}`);
        else {
          for (const k of ['min', 'max', 'mean'] as const) if (got[k] !== want[k]) say(`${col.name}: profile ${k} ${got[k]} vs ${want[k]}`);
          // A quantile among equal zeros takes the sign of whichever zero pyarrow's nth_element lands on (its
          // input order decides: [-0.0, 0.0, 1.0] has p0 -0.0, [0.0, -0.0, 1.0] has 0.0), so zeros compare unsigned.
          const unsigned = (xs: string[]) => JSON.stringify(xs.map((x) => (x === '-0.0' ? '0.0' : x)));
          const q = got.quantiles.slice(1, -1);
          if (got.quantilesExact && unsigned(q) !== unsigned(want.quantiles)) say(`${col.name}: profile quantiles ${q.join(' ')} vs ${want.quantiles.join(' ')}`);
        }
      }
      const tally = counted.tally;
      if (col.index.length === col.rows) {
        const want: Record<string, number> = {};
        for (const t of col.values) want[t ?? NULL] = (want[t ?? NULL] ?? 0) + 1;
        const keys = new Set([...Object.keys(want), ...Object.keys(tally)]);
        for (const k of keys) if (want[k] !== tally[k]) say(`${col.name}: unique ${JSON.stringify(k)} counted ${tally[k] ?? 0} where pyarrow's values hold ${want[k] ?? 0}`);
      }
    }
  } finally {
    await ds.close();
  }
  if (diffs > 12) console.log(`${gold.file}: … ${diffs - 12} more`);
  return { diffs, apart, compared };
}

/**
 * Writes the whole file as `format` to OUT_DIR/exports/NAME.export.FORMAT (`shuffled`: its rows in a
 * random order, NAME.export.shuffled.FORMAT, which takes every row where a whole read window is written
 * as it is), and beside it (.json) the type changes the export announces and the order; an export
 * refused or failed is a line here instead.
 */
async function exportFile(dir: string, gold: Gold, format: 'arrows' | 'parquet' | 'csv', shuffled = false): Promise<void> {
  const out = join(dir, 'exports', `${gold.file}.export.${shuffled ? 'shuffled.' : ''}${format}`);
  mkdirSync(join(dir, 'exports'), { recursive: true });
  const ds = await openDataset(await NodeFileSource.open(join(dir, 'files', gold.file)));
  const fd = openSync(out, 'w');
  let closed = false;
  try {
    await ds.indexed;
    const groupRows = [1, 7, 100, 65536][gold.file.length % 4];
    const order = shuffled ? shuffle(ds.rows, gold.file.length * 7919 + ds.rows) : undefined;
    await exportRows(ds, { format, groupRows, order, formulaGuard: false }, { write: async (bytes) => void writeSync(fd, bytes), close: async () => void (closeSync(fd), (closed = true)) });
    // What the check expects: the type changes the user is told of, and the rows' order.
    writeFileSync(`${out}.json`, JSON.stringify({ changes: writtenTypeChanges(ds, ds.fields.map((_, c) => c), format), order: order && Array.from(order) }));
  } catch (e) {
    if (!closed) closeSync(fd);
    rmSync(out);
    console.log(`${gold.file}: ${shuffled ? 'shuffled ' : ''}${format} export not written: ${errorMessage(e)}`);
  } finally {
    await ds.close();
  }
}

/** Rows 0..n-1 in a random order (Fisher-Yates over a seeded LCG). */
function shuffle(n: number, seed: number): Float64Array {
  const order = Float64Array.from({ length: n }, (_, i) => i);
  let x = seed >>> 0;
  for (let i = n - 1; i > 0; i--) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const j = x % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

async function main(): Promise<void> {
  const [dir, ...only] = process.argv.slice(2);
  const names = only.length ? only.map((f) => `${f}.json`) : readdirSync(join(dir, 'gold')).sort();
  // A file the generator failed on (pyarrow crashed reading it back) is missing from options.json: its gold may be half made.
  const written = new Set(Object.keys(JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) as Record<string, unknown>));
  let files = 0;
  let bad = 0;
  let apart = 0;
  let compared = 0;
  let byOther = 0;
  for (const n of names) {
    let gold: Gold;
    try {
      gold = JSON.parse(readFileSync(join(dir, 'gold', n), 'utf8')) as Gold;
    } catch (e) {
      console.log(`${n}: gold not readable (${errorMessage(e)})`);
      continue;
    }
    files++;
    if (gold.reference) byOther++;
    if (!written.has(gold.file)) {
      console.log(`${gold.file}: the generator failed on it: no reference`);
      apart++;
      continue;
    }
    let r: Awaited<ReturnType<typeof compareFile>>;
    try {
      r = await compareFile(dir, gold);
    } catch (e) {
      console.log(`${gold.file}: the comparison stopped: ${errorMessage(e)}`);
      bad++;
      continue;
    }
    if (process.env.EXPORTS && !gold.noReference && !gold.unreadable && !gold.reference) {
      for (const format of ['arrows', 'parquet', 'csv'] as const) await exportFile(dir, gold, format);
      await exportFile(dir, gold, 'arrows', true);
    }
    if (r.diffs) bad++;
    apart += r.apart;
    compared += r.compared;
  }
  console.log(`${files} files, ${bad} with differences; ${compared} values compared; ${apart} columns or files without a reference; ${byOther} files pyarrow cannot read compared with arrow-rs's or DuckDB's values`);
}

void main();
