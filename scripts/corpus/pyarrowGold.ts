/**
 * Strict check against pyarrow: for every gold file in tests/gold/corpus and tests/gold/writers (made once with
 * scripts/gold/pyarrow_gold.py), open the same file through the engine the app uses and compare, per column,
 * the type name and the text the grid shows for the rows pyarrow rendered. A column with no reference is
 * counted apart, never as passed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { Engine } from '../../src/worker/engine';
import type { CellText } from '../../src/worker/protocol';

/** One column of a gold file of scripts/gold/pyarrow_gold.py: pyarrow's type name and the text of rows `index`. */
export interface GoldColumn {
  name: string;
  type: string;
  rows: number;
  index: number[];
  values?: (string | null)[];
  noReference?: string;
}
/** A gold file of scripts/gold/pyarrow_gold.py (tests/gold/corpus, tests/gold/writers). */
export interface GoldFile {
  file: string;
  rows?: number;
  columns?: GoldColumn[];
  unreadable?: string;
}

/** `refused`: not decoded past the memory budget, with a sentence saying so (allowed, counted apart). */
export type ColumnOutcome = 'equal' | 'differs' | 'error' | 'refused' | 'noReference';

const BUDGET_REFUSAL = /more than the .* may take here/;
export interface GoldColumnResult {
  /** The data file's path. */
  file: string;
  column: string;
  outcome: ColumnOutcome;
  typeEqual: boolean;
  detail?: string;
}

/** Consecutive runs of the gold row numbers, so that each run is one grid window. */
function runs(index: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const i of index) {
    const last = out[out.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else out.push([i, i + 1]);
  }
  return out;
}

/** Compares every gold file in `goldDir` whose data file exists below `root`. */
export async function checkPyarrowGold(goldDir: string, root: string): Promise<GoldColumnResult[]> {
  const results: GoldColumnResult[] = [];
  const engine = new Engine();
  for (const name of readdirSync(goldDir).filter((n) => n.endsWith('.json')).sort()) {
    const gold = JSON.parse(readFileSync(join(goldDir, name), 'utf8')) as GoldFile;
    const path = join(root, gold.file);
    if (!gold.columns || !existsSync(path)) continue;
    let id: number;
    try {
      id = (await engine.openSource(await NodeFileSource.open(path), true)).id;
    } catch (e) {
      for (const c of gold.columns) results.push({ file: path, column: c.name, outcome: 'error', typeEqual: false, detail: `open: ${(e as Error).message}` });
      continue;
    }
    try {
      // A stream opens after its first batch and indexes on: compare once every batch is known.
      while (!engine.summary(id).indexComplete) await new Promise((r) => setTimeout(r, 5));
      const summary = engine.summary(id);
      for (const [k, c] of gold.columns.entries()) {
        const col = summary.fields[k]?.name === c.name ? k : summary.fields.findIndex((f) => f.name === c.name);
        const field = col >= 0 ? summary.fields[col] : undefined;
        const typeEqual = field?.type === c.type;
        if (c.noReference || !c.values || !c.index) {
          results.push({ file: path, column: c.name, outcome: 'noReference', typeEqual, detail: c.noReference });
          continue;
        }
        if (!field) {
          results.push({ file: path, column: c.name, outcome: 'error', typeEqual, detail: 'column missing' });
          continue;
        }
        if (summary.rows !== c.rows) {
          results.push({ file: path, column: c.name, outcome: 'differs', typeEqual, detail: `${summary.rows} rows, pyarrow reads ${c.rows}` });
          continue;
        }
        const got: CellText[] = [];
        let error: string | null = field.unsupported ? `unsupported: ${field.unsupported}` : null;
        for (const [start, end] of runs(c.index)) {
          if (error) break;
          const window = await engine.rows(id, start, end - start, [col]);
          error = window.errors[0];
          got.push(...window.columns[0]);
        }
        if (error) {
          results.push({ file: path, column: c.name, outcome: BUDGET_REFUSAL.test(error) ? 'refused' : 'error', typeEqual, detail: error });
          continue;
        }
        const failed = got.find((v) => typeof v === 'object' && v !== null);
        if (failed) {
          const detail = (failed as { error: string }).error;
          results.push({ file: path, column: c.name, outcome: BUDGET_REFUSAL.test(detail) ? 'refused' : 'error', typeEqual, detail });
          continue;
        }
        const i = c.values.findIndex((v, j) => v !== got[j]);
        results.push(
          i < 0
            ? { file: path, column: c.name, outcome: 'equal', typeEqual, detail: typeEqual ? undefined : `type ${field.type}, pyarrow ${c.type}` }
            : { file: path, column: c.name, outcome: 'differs', typeEqual, detail: `row ${c.index[i]}: shows ${JSON.stringify(got[i])}, pyarrow ${JSON.stringify(c.values[i])}` },
        );
      }
    } finally {
      await engine.close(id);
    }
  }
  return results;
}
