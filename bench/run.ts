/**
 * npm run bench: the reference files (generated on first run), then ours beside the browser peers and
 * the native limit, every step 3 times interleaved in one browser session; the report replaces the
 * generated part of BENCHMARKS.md. `npm run bench -- --quick`: a subset (light steps, 3 runs each) in
 * under 3 minutes, written to bench/results/quick.md only. Subcommands (nulls, zstd, deltas, scale, cli)
 * print or replace their own sections.
 * Data directory: $ARROWSCOPE_DATA (default /work/data, else ./data).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { arch, cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureZstd, zstdRows } from './zstdNode';
import { SCALE_HEADER, scaleRows } from './scaleNode';
import { cliSection, measureCli } from './cliNode';
import { deltaRows, measureDeltas } from './deltasNode';
import { measureNullColumn, nullRows } from './nullNode';
import { merge, Results, table, type Cell } from './compare';
import { CHUNK_ROWS, runBrowser, warm, type BrowserNotes, type Files } from './browserPlan';
import { APP_DIST, buildForBench } from './browserSession';

/** The 10⁹-row Null column: figures that must not grow with the rows a file claims. */
async function nullsSection(): Promise<string[]> {
  return [
    `## A Null column of 10⁹ rows (${new Date().toISOString().slice(0, 10)})`,
    '',
    `A stream of 240 bytes whose one Null column claims 1,000,000,000 rows (\`bench/nullNode.ts\`), opened through the engine the app's worker uses; median of 3 fresh engines; load average ${loadavg()[0].toFixed(1)} (shared machine). Before the hostile-inputs work the count took 64 s in the app and Cancel did not stop it.`,
    '',
    ...nullRows(await measureNullColumn()),
    '',
  ];
}

// `npm run bench -- nulls`: only the Null column step (milliseconds, no reference files needed).
if (process.argv[2] === 'nulls') {
  console.log((await nullsSection()).join('\n'));
  process.exit(0);
}

// `npm run bench -- zstd`: only the codec step (seconds, no reference files needed).
if (process.argv[2] === 'zstd') {
  console.log(zstdRows(measureZstd()).join('\n'));
  process.exit(0);
}

/** The delta dictionaries section: index + count of streams with 250, 500 and 1,000 delta batches. */
async function deltasSection(): Promise<string[]> {
  return [
    `## Delta dictionaries (${new Date().toISOString().slice(0, 10)})`,
    '',
    `A stream generated in the run (\`bench/deltaStream.ts\`): N batches of 100 rows, each after a dictionary delta of 10 new strings, its rows pointing anywhere in the dictionary so far; opened through the engine over a Node file handle with the block cache, fully indexed, then its dictionary column counted (\`countUnique\`, one thread). Median of 3 fresh opens after a warm-up; load average ${loadavg()[0].toFixed(1)} when the step started (shared machine).`,
    '',
    ...deltaRows(await measureDeltas()),
    '',
  ];
}

// `npm run bench -- deltas`: only the delta dictionaries step (seconds, no reference files needed).
if (process.argv[2] === 'deltas') {
  console.log((await deltasSection()).join('\n'));
  process.exit(0);
}

const dataDir = process.env.ARROWSCOPE_DATA ?? (existsSync('/work/data') ? '/work/data' : 'data');
mkdirSync(dataDir, { recursive: true });

/** The "Metadata at scale" section: rows from scaleRows, with the machine's state while they were measured. */
async function scaleSection(only?: string): Promise<string> {
  const v = (name: string) => (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
  const load = loadavg().map((x) => x.toFixed(1)).join(', ');
  const rows = await scaleRows(dataDir, only);
  return [
    `## Metadata at scale (${new Date().toISOString().slice(0, 10)})`,
    '',
    `Files made by \`scripts/gen/scaleFiles.ts\` in ${dataDir}; each opened cold 3 times in a fresh Node process through the engine the app's worker uses (\`Engine.openSource\` over a Node file handle with the block cache), medians shown. "Summary to the page" is the structured clone of what crosses to the UI on open; chunk pages are 200 chunks at the start, middle and end, as the Chunks view asks for them. Peak RSS is the process's maximum resident set, Node and tsx included (the figure before opening is in brackets); heap kept is measured after a forced GC. Machine: ${cpus().length} × ${cpus()[0]?.model ?? arch()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${load} when the step ended (the machine is shared: expect a loaded machine to be up to several times slower); Node ${process.version}; apache-arrow ${v('apache-arrow')}, parquet-wasm ${v('parquet-wasm')}, hyparquet ${v('hyparquet')}.`,
    '',
    ...SCALE_HEADER,
    ...rows,
    '',
  ].join('\n');
}

// `npm run bench -- scale [name part]`: only the metadata-at-scale step (about 350 MB of generated files);
// its section of BENCHMARKS.md is replaced (or added), the rest of the file is left as it is.
if (process.argv[2] === 'scale') {
  const section = await scaleSection(process.argv[3]);
  console.log(section);
  if (!process.argv[3]) {
    const doc = readFileSync('BENCHMARKS.md', 'utf8');
    const at = doc.indexOf('## Metadata at scale (');
    const next = at < 0 ? -1 : doc.indexOf('\n## ', at + 1);
    writeFileSync('BENCHMARKS.md', at < 0 ? `${doc.trimEnd()}\n\n${section}` : `${doc.slice(0, at)}${section}${next < 0 ? '' : doc.slice(next + 1)}`);
  }
  process.exit(0);
}

const workloads = [
  { id: 'W1', file: 'fec-50.arrows', args: ['--copies', '50', '--format', 'stream'], what: '50-copy IPC stream, 50 batches' },
  { id: 'W1f', file: 'fec-50.arrow', args: ['--copies', '50', '--format', 'file'], what: 'same rows as an IPC file' },
  { id: 'W3', file: 'fec-50-1k.arrows', args: ['--copies', '50', '--format', 'stream', '--batch-rows', '1000'], what: 'same rows in 1,000-row batches (~50,000 messages)' },
];

function ensure(file: string, args: string[]): string {
  const path = join(dataDir, file);
  if (!existsSync(path)) {
    console.error(`generating ${path} …`);
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/gen.ts', ...args, '--out', path], { stdio: 'inherit' });
  }
  return path;
}

// `npm run bench -- cli [copies]`: only the command-line step on W1 (or an N-copy stream like it, made on
// first run); prints its section of BENCHMARKS.md.
if (process.argv[2] === 'cli') {
  const copies = Number(process.argv[3] ?? 50);
  const path = ensure(copies === 50 ? workloads[0].file : `fec-${copies}.arrows`, ['--copies', String(copies), '--format', 'stream']);
  console.log(cliSection(copies === 50 ? 'W1' : `${copies}-copy stream`, `${copies}-copy IPC stream, ${copies} batches`, measureCli(path)).join('\n'));
  process.exit(0);
}


const reportFrom = process.argv.includes('--report') ? process.argv[process.argv.indexOf('--report') + 1] : undefined;
const quick = process.argv.includes('--quick');
const reps = Number(process.env.BENCH_REPS ?? 3);
const date = new Date().toISOString().slice(0, 10);
const started = Date.now();

interface Meta {
  quick: boolean;
  reps: number;
  date: string;
  loads: string[];
  machine: string;
  versions: string;
  nativeNote: string;
  notes: BrowserNotes;
  minutes?: string;
  complete?: boolean;
  only?: string[];
  partsNote?: string;
}

function versions(): string {
  const v = (name: string) => (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
  const chromium = execFileSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    /* not a git checkout */
  }
  return `${chromium}; the app built from ${commit ? `commit ${commit} plus the working tree` : 'the working tree'}; apache-arrow ${v('apache-arrow')}, parquet-wasm ${v('parquet-wasm')}, hyparquet ${v('hyparquet')}, @duckdb/duckdb-wasm ${v('@duckdb/duckdb-wasm')} (DuckDB v0.9.1 inside)`;
}

const med = (c?: Cell) => (c && c.samples.length ? [...c.samples].sort((a, b) => a - b)[c.samples.length >> 1] : Number.NaN);

/** Every step where a browser peer's median beats ours. */
function behind(results: Results): string[] {
  const out: string[] = [];
  for (const step of results.stepOrder) {
    const ours = results.get(step, 'ours');
    if (!ours?.samples.length || step.includes('memory')) continue;
    for (const peer of ['apache-arrow', 'DuckDB-Wasm', 'hyparquet']) {
      const p = med(results.get(step, peer));
      if (p < med(ours)) out.push(`- ${step}: ${peer} ${p.toFixed(1)} ms, ours ${med(ours).toFixed(1)} ms (${(med(ours) / p).toFixed(1)}×).`);
    }
  }
  return out;
}

function render(results: Results): string {
  const m = results.meta as unknown as Meta;
  const steps = (prefix: string) => results.stepOrder.filter((s) => s.startsWith(prefix));
  const w3 = steps('W3 ');
  const lines = behind(results);
  return [
    `## Side by side: ours, the browser peers and the native limit (${m.date}${m.quick ? ', quick subset' : ''})`,
    '',
    `Generated by \`npm run bench${m.quick ? ' -- --quick' : ''}\`${m.minutes ? ` in ${m.minutes} min` : ''}${m.complete ? '' : ' (**interrupted**: the steps not listed were not reached)'} (raw samples: \`bench/results/${m.quick ? 'quick' : m.date}.json\`). Machine: ${m.machine}; ${m.versions}. ${m.nativeNote}`,
    '',
    `**Shared machine.** Other sessions ran tests meanwhile; load average (1, 5, 15 min): ${m.loads.join('; ')}.${m.partsNote ? ` ${m.partsNote}` : ''} Absolute times are noisy; the ratios between contenders measured in the same round matter most.`,
    '',
    `**Method.** Each figure is the median of ${m.reps} runs, with min and max in brackets. All browser contenders run in one Chromium session (one profile, service workers blocked, one local server), their runs interleaved round by round (ours, ours with 1 worker, peer, peer, then again), each run in a fresh page. Times are taken inside the page: "schema" and "index" from the file chosen (input change, or the URL form submitted) to the answer on screen for ours (the Overview showing "Opened in" / "Indexed in") and to the call's return for the peers, with the engine's start included for both (DuckDB-Wasm: instantiate + register the File + \`DESCRIBE\`, or + \`parquet_metadata\` for the index; hyparquet: \`parquetMetadataAsync\`; ours: the app's engine worker starts with the page, everything the open needs after the file is chosen is counted, parquet-wasm's start included); row steps from the Enter keydown in "Go to row" to the first frame where every cell of the target row shows its value (ours) and to the rows in JavaScript (peers). DuckDB-Wasm's row look-ups use \`read_parquet(…, file_row_number=true) WHERE file_row_number BETWEEN a AND b\` (its row-group-aware form, not \`OFFSET\`); hyparquet reads \`parquetReadObjects({rowStart, rowEnd})\` after \`parquetMetadataAsync\`, as Hyperparam does. "ours, 1 worker" is the same build with \`navigator.hardwareConcurrency\` read as 1 (a compute pool of one worker), beside DuckDB-Wasm, which runs single-threaded. DuckDB-Wasm's multithreaded build: ${m.notes.duckdbThreads === null ? 'started and was used' : `does not start offline here (${m.notes.duckdbThreads}; the cross-origin-isolated page and its pthread worker are served locally), so only its single-threaded build is measured`}. The 64-row step: after row 37,000,000 is on screen, "Go to row" 37,000,064 (every visible cell of that row on screen; the note says how many); the peers read rows 37,000,064–37,000,127 of all 16 columns. Unique: the app's own time from the click on Count to the merged result (2 workers here, 1 in "ours, 1 worker"), the peers' \`GROUP BY\` or a \`Map\` over \`get(i)\`. "Longest main-thread task": the PerformanceObserver long-task maximum during the step, median over the runs (0: none over 50 ms). Peak memory: the PSS of the whole Chromium process tree during the contender's run, above the browser just before it.`,
    '',
    `**Page cache: warm.** Each file was read once end to end just before its steps (${m.notes.warm.join('; ')}); W1 and W3 are 9 GB each, so a file's pages can be partly evicted by the other contenders' memory (apache-arrow holds all of W1 in the tab).`,
    '',
    '### W2: Parquet, 50 row groups of 1,001,731 rows (1.4 GB, snappy), the same rows as W1',
    '',
    ...table(results, steps('W2 ')),
    '',
    '### W1: IPC stream, 50 record batches of 1,001,731 rows (9.0 GB)',
    '',
    'apache-arrow has no way to index a stream without reading it: its "index" reads and decodes every batch (`RecordBatchReader` over `file.stream()`), not the same work as ours (message headers only); pyarrow\'s is `read_all` over a memory map, which copies nothing. apache-arrow\'s row look-ups and counts then run on the table in memory.',
    '',
    ...table(results, steps('W1 ')),
    '',
    ...(w3.length
      ? [
          '### W3: the same rows as W1 in 50,100 batches of 1,000 rows (9.0 GB)',
          '',
          '"Reopen": the same file chosen again in a new page of the same browser after a first open indexed it (the first open of each round starts with the origin\'s IndexedDB cleared, where the app keeps indexes). apache-arrow is measured for its schema only (its index is W1\'s full read again: 9 GB in the tab).',
          '',
          ...table(results, w3),
          '',
        ]
      : []),
    ...(steps('HTTP ').length
      ? [
          '### Over HTTP with added latency',
          '',
          "The file served by the bench's local server with HTTP Range, each response held back by the added latency (`/files/NAME?delay=MS`); ours through the app's \"Open URL\" form, DuckDB-Wasm with `registerFileURL` (HTTP protocol), hyparquet with `asyncBufferFromUrl`. No native figure: the native tools were run on local files only.",
          '',
          ...table(results, steps('HTTP ')),
          '',
        ]
      : []),
    '### Where a browser peer was faster than ours in this run',
    '',
    ...(lines.length ? lines : ['- Nowhere in this run.']),
    '',
  ].join('\n');
}

/** The report written where it belongs: the generated part of BENCHMARKS.md (full run) or bench/results/quick.md. */
function publish(results: Results): void {
  const m = results.meta as unknown as Meta;
  const report = render(results);
  console.log(report);
  writeFileSync(m.quick ? 'bench/results/quick.md' : `bench/results/${m.date}.md`, report);
  if (m.quick) return;
  const doc = readFileSync('BENCHMARKS.md', 'utf8');
  const [open, close] = ['<!-- generated by npm run bench: start -->', '<!-- generated by npm run bench: end -->'];
  const a = doc.indexOf(open);
  const b = doc.indexOf(close);
  writeFileSync('BENCHMARKS.md', a >= 0 && b > a ? `${doc.slice(0, a + open.length)}\n${report}\n${doc.slice(b)}` : `${doc.trimEnd()}\n\n${open}\n${report}\n${close}\n`);
}

// `npm run bench -- --report bench/results/DATE.json`: the report again from saved (or interrupted) samples.
// More files after the first: parts run on their own (--only), merged in.
if (reportFrom) {
  const at = process.argv.indexOf('--report');
  const all = process.argv.slice(at + 1).filter((a) => a.endsWith('.json'));
  const results = Results.load(readFileSync(all[0], 'utf8'));
  for (const more of all.slice(1)) {
    const other = Results.load(readFileSync(more, 'utf8'));
    merge(results, other);
    const m = results.meta as unknown as Meta;
    const o = other.meta as unknown as Meta;
    m.loads.push(...o.loads.map((l) => `(${o.only?.join(', ')} part, run on its own) ${l}`));
    m.partsNote = [m.partsNote, `The ${o.only?.join(', ')} figures of ours and the browser peers come from a separate run of that part (\`--only\`, its own process and browser, load average ${o.loads.join('; ')}; ${o.versions.split('; ')[1] ?? ''}) and replace this run's.`].filter(Boolean).join(' ');
  }
  publish(results);
  process.exit(0);
}
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : undefined;

const files: Files = {
  W1: ensure(workloads[0].file, workloads[0].args),
  W2: ensure('fec-50.parquet', ['--copies', '50', '--format', 'parquet']),
  W3: quick ? join(dataDir, workloads[2].file) : ensure(workloads[2].file, workloads[2].args),
};

console.error(`building the app (${APP_DIST}) and the peers' page …`);
buildForBench();
mkdirSync('bench/results', { recursive: true });
const results = new Results(quick ? 'bench/results/quick.json' : `bench/results/${date}${only ? `-${only.join('-')}` : ''}.json`);
const meta: Meta = {
  quick,
  reps,
  date,
  loads: [],
  machine: `${cpus().length} × ${cpus()[0]?.model ?? arch()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} GiB free at the start)`,
  versions: versions(),
  nativeNote: '',
  notes: { duckdbThreads: null, warm: [], phase: 'start' },
  only,
};
results.meta = meta as unknown as Record<string, unknown>;
const noteLoad = (when: string) => (meta.loads.push(`${when} ${loadavg().map((x) => x.toFixed(1)).join(', ')}`), results.save());
noteLoad('start');

// The native limit: pyarrow and DuckDB in one Python process per file group, each file read once before.
const python = spawnSync('python3', ['-c', 'import pyarrow'], { encoding: 'utf8' });
if (only && !only.includes('native')) meta.nativeNote = '';
else if (python.status !== 0) meta.nativeNote = `Native tools skipped: \`python3 -c 'import pyarrow'\` failed here (${(python.stderr || python.error?.message || '').trim().split('\n').pop()}).`;
else {
  let v: Record<string, string> = {};
  const groups = quick ? [['--w1', files.W1, '--w2', files.W2]] : [['--w1', files.W1, '--w2', files.W2], ['--w3', files.W3]];
  for (const g of groups) {
    for (let k = 1; k < g.length; k += 2) warm(g[k]);
    console.error(`native: ${g.filter((_, k) => k % 2).join(', ')} …`);
    const out = execFileSync('python3', ['bench/native/native.py', ...g, '--reps', String(reps), ...(quick ? ['--quick'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
    const parsed = JSON.parse(out) as { versions: Record<string, string>; cells: { step: string; contender: string; samples: number[]; note?: string }[] };
    v = parsed.versions;
    for (const c of parsed.cells) results.addAll(c.step, c.contender, c.samples, c.note ?? undefined);
  }
  meta.nativeNote = `Native: Python ${v.python}, pyarrow ${v.pyarrow} (\`pa.set_cpu_count(1)\`: one thread), DuckDB ${v.duckdb}${v.duckdb === 'not installed' ? ' (`pip install duckdb` failed or was not run: its columns are absent)' : ' (`SET threads` to 1 and to 2)'}; run by \`bench/native/native.py\`, each step from nothing open to the answer, in one process whose interpreter and imports were already loaded.`;
  noteLoad('after the native steps');
}

console.error('the app and the peers in one headless Chromium …');
meta.notes = await runBrowser(results, files, dataDir, { quick, reps, only, onProgress: (n) => ((meta.notes = n), noteLoad(n.phase)) });
noteLoad('end');
meta.minutes = ((Date.now() - started) / 60000).toFixed(0);
meta.complete = true;
results.save();
if (only) console.error(`saved ${only.join(', ')} in bench/results/${date}-${only.join('-')}.json: merge it with --report MAIN.json THIS.json`);
else publish(results);
void CHUNK_ROWS;
