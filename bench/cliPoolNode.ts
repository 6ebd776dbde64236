/**
 * node --import tsx bench/cliPoolNode.ts [FILE] [--runs 3] [--threads 1,2] [--only unique] [--json PATH]
 *
 * The built `arrowscope` command (bin/arrowscope.mjs; set ARROWSCOPE_CLI to run another build) on W1
 * (data/fec-50.arrows by default) with --threads 1 and 2: `--unique cand_nm`, `--where "cand_nm =
 * 'Obama, Barack'" --count` and `--sort contb_receipt_amt:desc --limit 10`, each beside pyarrow doing
 * the same (memory_map + ipc.open_stream + read_all, then value_counts / equal+sum / select_k), all in
 * the same run: one warm-up round (the page cache), then `runs` rounds, every command once per round in
 * turn, so that a busy machine slows each alike. Wall times of whole processes (start included; for
 * pyarrow also its own time after `import pyarrow`) and their CPU time (/usr/bin/time), medians, the load
 * average beside them. Checks that every thread count prints the same. Prints a markdown table.
 */
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
}
const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const FILE = resolve(positional[0] ?? resolve(ROOT, 'data/fec-50.arrows'));
const RUNS = Number(option('runs', '3'));
const THREADS = option('threads', '1,2').split(',').map(Number);
const JSON_OUT = option('json', '');
const CLI = process.env.ARROWSCOPE_CLI ?? resolve(ROOT, 'bin/arrowscope.mjs');

interface Task {
  name: string;
  args: string[];
  /** pyarrow on `t` (the whole table), printing a result line. */
  python: string;
}

const ALL_TASKS: Task[] = [
  { name: '--unique cand_nm', args: ['--unique', 'cand_nm', '--format', 'csv'], python: "vc = t.column('cand_nm').value_counts(); out = len(vc)" },
  {
    name: "--where \"cand_nm = 'Obama, Barack'\" --count",
    args: ['--where', "cand_nm = 'Obama, Barack'", '--count', '--json'],
    python: "out = pc.sum(pc.equal(t.column('cand_nm'), 'Obama, Barack')).as_py()",
  },
  {
    name: '--sort contb_receipt_amt:desc --limit 10',
    args: ['--sort', 'contb_receipt_amt:desc', '--limit', '10', '--columns', 'cand_nm,contb_receipt_amt'],
    python: "idx = pc.select_k_unstable(t, 10, [('contb_receipt_amt', 'descending')]); out = idx.to_pylist()",
  },
];

/** --only WORD: just the tasks whose name holds it (e.g. unique, count, sort). */
const ONLY = option('only', '');
const TASKS = ALL_TASKS.filter((t) => t.name.includes(ONLY));

const PY = (body: string) => `
import time, sys
import pyarrow as pa, pyarrow.ipc as ipc, pyarrow.compute as pc
started = time.perf_counter()
with pa.memory_map(sys.argv[1]) as source:
    t = ipc.open_stream(source).read_all()
    ${body}
print(out, round((time.perf_counter() - started) * 1000, 1))
`;
import { median } from './median';

const TIME = '/usr/bin/time';
const HAS_TIME = existsSync(TIME);

/** Wall time of the process, and its CPU time (user + system, all threads) when /usr/bin/time is there (else NaN). */
async function timed(command: string, args: string[]): Promise<{ ms: number; cpuMs: number; stdout: string }> {
  const started = performance.now();
  const [file, argv] = HAS_TIME ? [TIME, ['-f', 'cpu %U %S', command, ...args]] : [command, args];
  const { stdout, stderr } = await execFileAsync(file, argv, { maxBuffer: 64 * 1024 * 1024, cwd: ROOT });
  const ms = performance.now() - started;
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
  return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN, stdout };
}
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface Row {
  task: string;
  threads: Record<number, number[]>;
  threadsCpu: Record<number, number[]>;
  pyarrowWall: number[];
  pyarrowCpu: number[];
  pyarrowOwn: number[];
  same: boolean;
}

const perThreads = () => Object.fromEntries(THREADS.map((n) => [n, [] as number[]]));
const rows: Row[] = TASKS.map((t) => ({ task: t.name, threads: perThreads(), threadsCpu: perThreads(), pyarrowWall: [], pyarrowCpu: [], pyarrowOwn: [], same: true }));
const loads: number[] = [];

for (let round = 0; round <= RUNS; round++) {
  const warm = round === 0;
  for (const [k, task] of TASKS.entries()) {
    const outputs = new Set<string>();
    for (const n of THREADS) {
      const run = await timed(process.execPath, [CLI, FILE, ...task.args, '-q', '--threads', String(n)]);
      outputs.add(run.stdout);
      if (!warm) rows[k].threads[n].push(run.ms);
      if (!warm) rows[k].threadsCpu[n].push(run.cpuMs);
    }
    if (outputs.size !== 1) rows[k].same = false;
    const py = await timed('python3', ['-c', PY(task.python), FILE]);
    if (!warm) {
      rows[k].pyarrowWall.push(py.ms);
      rows[k].pyarrowCpu.push(py.cpuMs);
      rows[k].pyarrowOwn.push(Number(py.stdout.trim().split(' ').at(-1)));
    }
  }
  if (!warm) loads.push(loadavg()[0]);
  console.error(`round ${round}${warm ? ' (warm-up)' : ''} done, load ${loadavg()[0].toFixed(1)}`);
}

const cell = (wall: number[], cpu: number[]) => `${s(median(wall))} (${s(median(cpu))})`;
const head = `| W1 (${FILE.split('/').at(-1)}): wall (CPU) | ${THREADS.map((n) => `--threads ${n}`).join(' | ')} | pyarrow process | pyarrow after import | same output |`;
const lines = [head, `|${'---|'.repeat(THREADS.length + 4)}`];
for (const r of rows) {
  lines.push(`| \`${r.task}\` | ${THREADS.map((n) => cell(r.threads[n], r.threadsCpu[n])).join(' | ')} | ${cell(r.pyarrowWall, r.pyarrowCpu)} | ${s(median(r.pyarrowOwn))} | ${r.same ? 'yes' : 'NO'} |`);
}
lines.push(
  '',
  `Medians of ${RUNS} rounds after one warm-up; wall time of the whole process (start included), CPU = user + system of all its threads; load average (1 min) during the rounds: ${loads.map((l) => l.toFixed(1)).join(', ')}.`,
);
console.log(lines.join('\n'));
if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify({ file: FILE, runs: RUNS, loads, rows }, null, 1)}\n`);
