/**
 * npm run bench: the reference files (generated on first run), then ours beside the browser peers and
 * the native limit, every step 3 times interleaved in one browser session; the report replaces the
 * generated part of BENCHMARKS.md. `npm run bench -- --quick`: a subset (light steps, 3 runs each) in
 * under 3 minutes, written to bench/results/quick.md only. Subcommands (nulls, zstd, deltas, scale, cli)
 * print or replace their own sections.
 * Data directory: $ARROWSCOPE_DATA (default /work/data, else ./data).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { arch, cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureZstd, zstdRows } from './zstdNode';
import { SCALE_HEADER, scaleRows } from './scaleNode';
import { cliSection, measureCli } from './cliNode';
import { deltaRows, measureDeltas } from './deltasNode';
import { measureNullColumn, nullRows } from './nullNode';
import { merge, Results } from './compare';
import { runBrowser, warm, type Files } from './browserPlan';
import { APP_DIST, buildForBench } from './browserSession';
import { publish, runName, type Meta } from './report';
import { nativeParts, runNative } from './nativeRun';

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

function versions(): string {
  const v = (name: string) => (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
  const chromium = execFileSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    /* not a git checkout */
  }
  let dirty = '';
  try {
    const n = execFileSync('git', ['status', '--porcelain', '--', 'src'], { encoding: 'utf8' }).split('\n').filter(Boolean).length;
    dirty = n ? ` (${n} uncommitted file${n > 1 ? 's' : ''} under src/)` : ' (no uncommitted change under src/)';
  } catch {
    /* not a git checkout */
  }
  return `${chromium}; the app built from ${commit ? `commit ${commit} plus the working tree${dirty}` : 'the working tree'}; apache-arrow ${v('apache-arrow')}, parquet-wasm ${v('parquet-wasm')}, hyparquet ${v('hyparquet')}, @duckdb/duckdb-wasm ${v('@duckdb/duckdb-wasm')} (DuckDB v0.9.1 inside)`;
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
    m.partsNote = [m.partsNote, `The ${o.only?.join(', ')} figures of ours and the browser peers come from a separate run of that part (\`--only\`, its own process and browser, load average ${o.loads.join('; ')}; ${o.versions.split('; ')[1] ?? ''}) and replace this run's figures of those steps, where it had any.`].filter(Boolean).join(' ');
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
// A second full run (or part) on the same day keeps the first one's samples: its files get the UTC time too.
const plainName = runName({ quick, date, only });
const name = quick || !existsSync(`bench/results/${plainName}.json`) ? plainName : `${plainName}-${new Date().toISOString().slice(11, 16).replace(':', '')}`;
const results = new Results(`bench/results/${name}.json`);
const meta: Meta = {
  quick,
  reps,
  date,
  loads: [],
  machine: `${cpus().length} × ${cpus()[0]?.model ?? arch()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} GiB free at the start)`,
  versions: versions(),
  nativeNote: '',
  notes: { warm: [], phase: 'start' },
  only,
  name,
};
results.meta = meta as unknown as Record<string, unknown>;
const noteLoad = (when: string) => (meta.loads.push(`${when} ${loadavg().map((x) => x.toFixed(1)).join(', ')}`), results.save());
noteLoad('start');

// The native limit (bench/nativeRun.ts): pyarrow and DuckDB, each file read once before; over HTTP
// against the bench's Range server. Full run: every part; --quick: the light steps and the filter count;
// --only: all with "native" in the list, else the FILTER and HTTP parts' native steps when asked for.
meta.nativeNote = await runNative(results, files, nativeParts(only, quick), { reps, quick, warm, onGroup: noteLoad });

console.error('the app and the peers in one headless Chromium …');
meta.notes = await runBrowser(results, files, dataDir, { quick, reps, only, onProgress: (n) => ((meta.notes = n), noteLoad(n.phase)) });
noteLoad('end');
meta.minutes = ((Date.now() - started) / 60000).toFixed(0);
meta.complete = true;
results.save();
publish(results);
if (only) console.error(`saved ${only.join(', ')} in bench/results/${runName(meta)}.json (and .md): merge it into a full run's report with --report MAIN.json THIS.json`);
