/**
 * npm run bench: generates (or reuses) the reference files and reports engine figures.
 * Data directory: $ARROWSCOPE_DATA (default /work/data, else ./data).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { arch, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureArrowFile, type EngineFigures } from './engineNode';
import { measureInChromium, measureUniqueInChromium, type AppFigures, type UniqueInAppFigures } from './appChromium';
import { arrowPeer, buildPeers, duckdbPeer } from './peersChromium';
import { COMPARISON_HEADER, comparisonRows } from './compare';
import { measureUnique } from './uniqueNode';
import { measureParquetFile } from './parquetNode';
import { measureZstd, zstdRows } from './zstdNode';
import { SCALE_HEADER, scaleRows } from './scaleNode';
import { cliSection, measureCli } from './cliNode';
import { deltaRows, measureDeltas } from './deltasNode';
import { measureNullColumn, nullRows } from './nullNode';

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

const rows: string[] = [];
const fmt = (n: number, d = 1) => n.toFixed(d);
for (const w of workloads) {
  const path = ensure(w.file, w.args);
  const f: EngineFigures = await measureArrowFile(path, ['cand_nm', 'contbr_nm', 'contb_receipt_amt']);
  const cols = f.columns.map((c) => `${c.name} ${fmt(c.ms)} ms (${fmt(c.mib)} MiB)`).join('; ');
  rows.push(`| ${w.id} | ${w.what} | ${f.rows.toLocaleString('en-US')} rows, ${f.chunks.toLocaleString('en-US')} chunks | ${fmt(f.firstUsableMs)} | ${fmt(f.fullIndexMs)} | ${f.indexReads} reads, ${fmt(f.indexBytes / 2 ** 20)} MiB | ${fmt(f.rssAddedMiB)} | ${fmt(f.valueAtChunk5Row1000MsMax, 2)} | ${cols} |`);
  console.error(rows[rows.length - 1]);
}

const parquetPath = ensure('fec-50.parquet', ['--copies', '50', '--format', 'parquet']);
const p = await measureParquetFile(parquetPath, 'contbr_nm');
const parquetRow = `| W2 | ${fmt(p.openMs)} | ${fmt(p.openReadMiB, 2)} | ${fmt(p.rssAddedMiB)} | ${fmt(p.detailMs)} | ${p.oneColumnMs.map((c) => `${c.name} ${fmt(c.ms)}`).join('; ')} | ${p.scan.rows.toLocaleString('en-US')} rows in ${fmt(p.scan.ms / 1000, 2)} s, peak RSS ${fmt(p.scan.peakRssMiB, 0)} MiB, wasm memory ${fmt(p.scan.wasmMiB, 0)} MiB |`;
console.error(parquetRow);

console.error('building the app and measuring it in headless Chromium …');
execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
const browserRows: string[] = [];
const inBrowser: Record<string, AppFigures> = {};
const chunkRows: Record<string, number> = { W1: 1_001_731, W1f: 1_001_731, W2: 1_001_731, W3: 1000 };
for (const w of [...workloads.slice(0, 2), { id: 'W2', file: 'fec-50.parquet' }, workloads[2]]) {
  const [a] = await measureInChromium([{ path: join(dataDir, w.file), chunkRows: chunkRows[w.id] }]);
  inBrowser[w.id] = a;
  browserRows.push(`| ${w.id} | ${fmt(a.openMs)} | ${fmt(a.indexMs)} | ${fmt(a.emptyTabMiB, 0)} | ${fmt(a.openPeakAddedMiB)} | ${fmt(a.openSteadyAddedMiB)} | ${a.chunk5Row1000Ms} | ${a.row37MMs ?? '–'} | ${fmt(a.longestTaskMs, 0)} |`);
  console.error(browserRows[browserRows.length - 1]);
}

const UNIQUE_COLUMNS = ['cand_nm', 'contbr_st', 'contbr_nm'];
const uniqueRows: string[] = [];
const uniqueInBrowser: Record<string, UniqueInAppFigures[]> = {};
for (const [id, file] of [['W1', 'fec-50.arrows'], ['W2', 'fec-50.parquet']]) {
  const inApp = await measureUniqueInChromium(join(dataDir, file), UNIQUE_COLUMNS);
  uniqueInBrowser[id] = inApp;
  const inNode = await measureUnique(join(dataDir, file), UNIQUE_COLUMNS);
  inApp.forEach((a, k) => {
    const n = inNode[k];
    uniqueRows.push(`| ${id} | ${a.column} | ${a.distinct} | ${fmt(a.seconds, 2)} | ${fmt(a.peakAddedMiB, 0)} | ${fmt(a.longestTaskMs, 0)} | ${fmt(n.ms / 1000, 2)} (${fmt(n.rowsPerSecond / 1e6, 1)} M rows/s) | ${fmt(n.peakRssMiB, 0)} |`);
    console.error(uniqueRows[uniqueRows.length - 1]);
  });
}

console.error('running the peers in headless Chromium …');
buildPeers();
const comparison = [
  ...comparisonRows('W1', inBrowser.W1, uniqueInBrowser.W1, await arrowPeer(join(dataDir, 'fec-50.arrows'), chunkRows.W1, UNIQUE_COLUMNS)),
  ...comparisonRows('W2', inBrowser.W2, uniqueInBrowser.W2, await duckdbPeer(join(dataDir, 'fec-50.parquet'), chunkRows.W2, UNIQUE_COLUMNS)),
];
comparison.forEach((r) => console.error(r));

function versions(): string {
  const v = (name: string) => (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
  const chromium = execFileSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  return `${chromium}; apache-arrow ${v('apache-arrow')}, parquet-wasm ${v('parquet-wasm')}, @duckdb/duckdb-wasm ${v('@duckdb/duckdb-wasm')}`;
}

console.error('metadata at scale …');
const scale = await scaleSection();

console.error('the command line …');
const cli = cliSection('W1', workloads[0].what, measureCli(join(dataDir, workloads[0].file)));
cli.forEach((r) => console.error(r));

console.error('ZSTD decode of one 128 MiB buffer …');
const zstdTable = zstdRows(measureZstd());
zstdTable.forEach((r) => console.error(r));

console.error('delta dictionaries …');
const deltas = await deltasSection();
deltas.forEach((r) => console.error(r));

console.error('Null column of 10⁹ rows …');
const nulls = await nullsSection();
nulls.forEach((r) => console.error(r));

const date = new Date().toISOString().slice(0, 10);
const table = [
  `## Engine in Node (${date})`,
  '',
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? arch()}, ${fmt(totalmem() / 2 ** 30, 0)} GiB; Node ${process.version}; ${versions()}. Files from \`npm run gen\` in ${dataDir}. The four files (21 GB) do not all fit in the OS page cache beside the browser, so some steps read from disk: expect ±30% between runs.`,
  '',
  '| workload | file | size | first usable (ms) | full index (ms) | index I/O | RSS added (MiB) | chunk 5 row 1000, worst column (ms) | one whole column of chunk 5 |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows,
  '',
  `## Parquet engine in Node (${date})`,
  '',
  'W2 = the same 50 copies as Parquet (50 row groups of 1,001,731 rows, snappy). Open = footer read and parsed (hyparquet) plus parquet-wasm initialised and the Arrow schema derived.',
  '',
  '| workload | open with full metadata (ms) | read at open (MiB) | RSS added (MiB) | row group 5 details (ms) | one column of row group 5 (ms) | full scan of one string column |',
  '|---|---|---|---|---|---|---|',
  parquetRow,
  '',
  `## The built app in headless Chromium (${date})`,
  '',
  'Debian Chromium driven by Playwright; the file handed over with setInputFiles (disk-backed File, nothing copied). Times for open and index are the engine worker\'s own (shown in the Overview); row jumps are timed inside the page, from the Enter keydown in "Go to row" to the first frame where the target cell shows its value. Memory is PSS summed over the Chromium process tree from /proc (workers and ArrayBuffers included), sampled every 50 ms.',
  '',
  '| workload | first usable (ms) | full index (ms) | empty tab PSS (MiB) | peak added while opening (MiB) | added after open (MiB) | chunk 5 row 1000 on screen (ms) | row 37,000,000 on screen (ms) | longest main-thread task (ms) |',
  '|---|---|---|---|---|---|---|---|---|',
  ...browserRows,
  '',
  `## Unique values over all 50,086,550 rows (${date})`,
  '',
  'In the app: the Unique view, counted by a pool of one Web Worker per core (2 here), timed by the app from click to merged result; memory is the peak PSS of the whole Chromium process tree above the tab before the file was opened. In Node: the same counting code in one thread.',
  '',
  '| workload | column | distinct | app: seconds | app: peak added (MiB) | app: longest main-thread task (ms) | Node, one thread: seconds | Node: peak RSS (MiB) |',
  '|---|---|---|---|---|---|---|---|',
  ...uniqueRows,
  '',
  `## Side by side with the peers (${date})`,
  '',
  'Same browser, same files, same run. Peers: plain apache-arrow on W1 (the whole stream read with `RecordBatchReader` on the page, as `read_all()` would, then row look-ups and a `Map` of `get(i)` values per column), and DuckDB-Wasm on W2 (the File registered with `BROWSER_FILEREADER`; `DESCRIBE`, `parquet_metadata`, `SELECT * LIMIT 1 OFFSET n`, `SELECT col, count(*) … GROUP BY ALL`). DuckDB-Wasm is not run on the IPC stream: it has no Arrow IPC reader without its network-loaded arrow extension, and copying the stream into its tables would need 9 GB in a 4 GB wasm heap. Ours: the figures above (row jumps are timed to the value on screen; the peers\' only to the value in JavaScript). A ratio below 1 means Arrowscope is faster or smaller.',
  '',
  ...COMPARISON_HEADER,
  ...comparison,
  '',
  `## ZSTD decode of one 128 MiB buffer (${date})`,
  '',
  'One frame made by `zstd -3` from 128 MiB of int64-like column data; median of 3 runs in Node, in one process. "fzstd direct" is the codec\'s own time; Arrowscope adds the frame and block header checks.',
  '',
  ...zstdTable,
  '',
  ...cli,
  ...deltas,
  ...nulls,
  scale,
].join('\n');
console.log(table);
mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/${date}.md`, table);
writeFileSync(
  'BENCHMARKS.md',
  `# Benchmarks\n\nRerun with \`npm run bench\` (generates the reference files on first run: ~9 GB each, about 30 s apiece).\nMethod: each figure is one cold run in a fresh process through the same engine the app's worker uses (\`openDataset\` over a Node file handle with the app's 32 MiB block cache). "RSS added" is measured after indexing, after a forced GC when node runs with --expose-gc.\n\n${table}`,
);
