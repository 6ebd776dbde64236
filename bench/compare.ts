/**
 * The comparison's bookkeeping: samples per (step, contender), contenders interleaved run by run
 * (A B C A B C …), medians with min and max, and the report's tables.
 */
import { writeFileSync } from 'node:fs';
import { median } from './median';

export interface Sample {
  ms: number;
  longestTaskMs?: number;
  note?: string;
}

export interface Cell {
  step: string;
  contender: string;
  samples: number[];
  longest: number[];
  notes: string[];
  errors: string[];
}

/** Contender names in the order of the report's columns. */
export const BROWSER = ['ours', 'ours, 1 worker', 'apache-arrow', 'DuckDB-Wasm', 'hyparquet'] as const;
export const NATIVE = ['pyarrow', 'DuckDB native, 1 thread', 'DuckDB native, 2 threads'] as const;

export class Results {
  readonly cells = new Map<string, Cell>();
  readonly stepOrder: string[] = [];
  /** What the report says about the run besides the samples (load, cache, versions …), saved with them. */
  meta: Record<string, unknown> = {};

  constructor(private readonly jsonPath?: string) {}

  /** Results saved by an earlier (possibly interrupted) run. */
  static load(json: string): Results {
    const saved = JSON.parse(json) as { stepOrder: string[]; cells: Cell[]; meta?: Record<string, unknown> };
    const r = new Results();
    r.stepOrder.push(...saved.stepOrder);
    for (const c of saved.cells) r.cells.set(`${c.step}\u0000${c.contender}`, c);
    r.meta = saved.meta ?? {};
    return r;
  }

  private cell(step: string, contender: string): Cell {
    const key = `${step}\u0000${contender}`;
    let c = this.cells.get(key);
    if (!c) {
      this.cells.set(key, (c = { step, contender, samples: [], longest: [], notes: [], errors: [] }));
      if (!this.stepOrder.includes(step)) this.stepOrder.push(step);
    }
    return c;
  }

  add(step: string, contender: string, s: Sample | { error: string }): void {
    const c = this.cell(step, contender);
    if ('error' in s) c.errors.push(s.error);
    else {
      c.samples.push(s.ms);
      if (s.longestTaskMs !== undefined) c.longest.push(s.longestTaskMs);
      if (s.note && !c.notes.includes(s.note)) c.notes.push(s.note);
    }
    console.error(`  ${step} · ${contender}: ${'error' in s ? `error: ${s.error}` : `${s.ms.toFixed(1)}${step.includes('MiB') ? '' : ' ms'}${s.longestTaskMs ? `, longest task ${s.longestTaskMs.toFixed(0)} ms` : ''}`}`);
    this.save();
  }

  /** A whole cell at once (the native script's samples). */
  addAll(step: string, contender: string, samples: number[], note?: string): void {
    for (const ms of samples) this.add(step, contender, { ms, note });
  }

  get(step: string, contender: string): Cell | undefined {
    return this.cells.get(`${step}\u0000${contender}`);
  }

  save(): void {
    if (this.jsonPath) writeFileSync(this.jsonPath, JSON.stringify({ stepOrder: this.stepOrder, cells: [...this.cells.values()], meta: this.meta }, null, 1));
  }
}

/**
 * Runs `reps` rounds; in each, every contender once, in the given order (so A B C A B C, never A A A
 * B B B). A contender's run records its own steps; a thrown error is recorded against `failStep`.
 */
export async function interleave(reps: number, contenders: { name: string; run: (rep: number) => Promise<void> }[], results: Results, failStep: string): Promise<void> {
  for (let rep = 0; rep < reps; rep++) {
    if (pastDeadline()) {
      console.error(`  past BENCH_UNTIL: ${failStep} and the rest skipped`);
      return;
    }
    for (const c of contenders) {
      try {
        await c.run(rep);
      } catch (e) {
        // A step that failed has said so against its own name (see `step` in browserPlan.ts).
        if (!(e as { recorded?: boolean }).recorded) results.add(failStep, c.name, { error: errorText(e) });
      }
    }
  }
}

/**
 * Records a step's time, or its failure against its own name and then throws on (marked as recorded, so
 * `interleave` does not record it again against its first step): the contender's run ends there.
 */
export async function recorded<T extends Sample>(results: Results, step: string, contender: string, f: Promise<T>): Promise<T> {
  try {
    const t = await f;
    results.add(step, contender, t);
    return t;
  } catch (e) {
    results.add(step, contender, { error: errorText(e) });
    throw Object.assign(e as Error, { recorded: true });
  }
}

/** `BENCH_UNTIL` (an ISO time): no new round starts after it, so a long run ends with what it has. */
export function pastDeadline(): boolean {
  const until = process.env.BENCH_UNTIL;
  return until !== undefined && Date.now() > Date.parse(until);
}

export function errorText(e: unknown): string {
  return String((e as Error).message ?? e).split('\n')[0].slice(0, 160);
}

/** Merges another run's cells (e.g. a part run on its own with --only) into these. */
export function merge(into: Results, other: Results): void {
  for (const step of other.stepOrder) if (!into.stepOrder.includes(step)) into.stepOrder.push(step);
  for (const [k, c] of other.cells) into.cells.set(k, c);
}

/** 3 significant digits at most, thousands separated: 0.00512, 4.51, 107, 13,502. */
export function num(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms === 0) return '0';
  if (ms >= 100) return Math.round(ms).toLocaleString('en-US');
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toPrecision(2);
}

function cellText(c: Cell | undefined): string {
  if (!c) return '';
  if (!c.samples.length) return `not measured: ${c.errors[0] ?? ''}${c.errors.length > 1 ? ` (all ${c.errors.length} runs)` : ''}`;
  const n = c.samples.length;
  const range = n > 1 ? ` (${num(Math.min(...c.samples))}–${num(Math.max(...c.samples))})` : ' (one run)';
  const failed = c.errors.length ? `; ${c.errors.length} more run${c.errors.length > 1 ? 's' : ''} failed: ${c.errors[0]}` : '';
  return `${num(median(c.samples))}${range}${n !== 3 && n > 1 ? ` n=${n}` : ''}${failed}`;
}

const ratio = (a: number, b: number) => (b > 0 ? (a / b >= 10 ? (a / b).toFixed(0) : a / b >= 0.1 ? (a / b).toFixed(2) : (a / b).toPrecision(2)) : '–');

/**
 * One table for the steps whose names start with `prefix`: a column per contender that has any figure
 * there, then ours ÷ the fastest browser peer and ours ÷ the fastest native tool (below 1: we are
 * faster), then the longest main-thread task (median over the runs) of ours and of each browser peer.
 */
export function table(results: Results, steps: string[]): string[] {
  const present = (names: readonly string[]) => names.filter((n) => steps.some((s) => results.get(s, n)));
  const browser = present(BROWSER);
  const native = present(NATIVE);
  const peers = browser.filter((n) => !n.startsWith('ours'));
  const head = ['step', ...browser, ...native, 'ours ÷ fastest browser peer', 'ours ÷ fastest native', 'longest main-thread task, ms (median)'];
  const out = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const step of steps) {
    const m = (n: string) => {
      const c = results.get(step, n);
      return c && c.samples.length ? median(c.samples) : Number.NaN;
    };
    const ours = m('ours');
    const best = (names: string[]) => {
      const xs = names.map(m).filter(Number.isFinite);
      return xs.length ? Math.min(...xs) : Number.NaN;
    };
    const bestPeer = best(peers);
    const bestNative = best([...native]);
    const tasks = browser
      .map((n) => {
        const c = results.get(step, n);
        return c && c.longest.length ? `${n} ${num(median(c.longest))}` : '';
      })
      .filter(Boolean)
      .join('; ');
    // One note per contender: runs whose notes differ (a time in them) show the first and say how many more.
    const notes = browser.flatMap((n) => {
      const xs = results.get(step, n)?.notes ?? [];
      return xs.length ? [`${n}: ${xs[0]}${xs.length > 1 ? ` (${xs.length - 1} other note${xs.length > 2 ? 's' : ''} in other runs)` : ''}`] : [];
    });
    out.push(
      `| ${step}${notes.length ? ` <br><sub>${notes.join('; ')}</sub>` : ''} | ${[...browser, ...native].map((n) => cellText(results.get(step, n))).join(' | ')} | ${Number.isFinite(ours) && Number.isFinite(bestPeer) ? `**${ratio(ours, bestPeer)}**` : '–'} | ${Number.isFinite(ours) && Number.isFinite(bestNative) ? `**${ratio(ours, bestNative)}**` : '–'} | ${tasks || '–'} |`,
    );
  }
  return out;
}
