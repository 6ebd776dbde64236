/**
 * The report of `npm run bench`, rendered from the saved samples and their meta (so `--report FILE.json`
 * gives the same text again): where we stand (generated from the tables: behind and ahead of the browser
 * peers, the ratio to the native limit, issue 15's targets, what failed), the run's machine, versions,
 * load and cache state, the method, then one table per workload and one for filter, sort and export.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { BROWSER, NATIVE, num, table, type Cell, type Results } from './compare';
import { median } from './median';
import type { BrowserNotes } from './browserPlan';
import { EXPORT_WHERE, FILTER_STEPS, FIRST_ROWS, filterStepOrder, HEAVY_PEER_STEP_MS, isFilterStep } from './filterPlan';

export interface Meta {
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
  /** The run's files in bench/results (NAME.json, NAME.md), when not the plain runName. */
  name?: string;
}

/** The name of the run's files in bench/results (.json, .md): quick, DATE or DATE-PART (or the name it was given). */
export function runName(m: Pick<Meta, 'quick' | 'date' | 'only' | 'name'>): string {
  return m.name ?? (m.quick ? 'quick' : `${m.date}${m.only ? `-${m.only.join('-')}` : ''}`);
}

const PEERS = BROWSER.filter((n) => !n.startsWith('ours'));

const medianOf = (c?: Cell) => (c && c.samples.length ? median(c.samples) : Number.NaN);

/** A time for prose: ms under a second, else seconds; MiB for memory steps. */
function amount(step: string, x: number): string {
  if (step.includes('MiB')) return `${num(x)} MiB`;
  return x >= 1000 ? `${(x / 1000).toFixed(x >= 10_000 ? 0 : 1)} s` : `${num(x)} ms`;
}

const times = (r: number) => `${r >= 10 ? Math.round(r).toLocaleString('en-US') : r.toFixed(r >= 1 ? 1 : 2)}×`;

/** HTTP steps by added latency, then W2 before W1, then open, index, row, unique (the native part adds some of them first). */
function httpOrder(steps: string[]): string[] {
  const key = (s: string) => {
    const m = s.match(/^HTTP \+(\d+) ms (W\d) (\w+)/);
    return m ? [Number(m[1]), m[2] === 'W2' ? 0 : 1, ['open', 'index', 'row', 'unique'].indexOf(m[3])] : [Infinity, 0, 0];
  };
  return [...steps].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
}

/** The report's steps in the order of its tables. */
function reportOrder(results: Results): string[] {
  const plain = results.stepOrder.filter((s) => !isFilterStep(s));
  const by = (p: string) => plain.filter((s) => s.startsWith(p));
  return [...by('W2 '), ...by('W1 '), ...by('W3 '), ...httpOrder(by('HTTP ')), ...filterStepOrder(results.stepOrder)];
}

/** Issue 15's targets for the app, where this run has the step: [step, limit, what]. */
const TARGETS: [string, number, string][] = [
  [`W1 ${FILTER_STEPS.count}`, 2000, 'under 2 s'],
  [`W1 ${FILTER_STEPS.first}`, 300, 'under 300 ms'],
  [`W2 ${FILTER_STEPS.first}`, 300, 'under 300 ms'],
  [`W1 ${FILTER_STEPS.top}`, 3000, 'under 3 s'],
  [`W1 ${FILTER_STEPS.export}`, 10_000, 'under 10 s'],
  [`W1 ${FILTER_STEPS.exportMemory}`, 300 / 1.048576, 'under 300 MB added'],
  [`W2 ${FILTER_STEPS.export}`, 10_000, 'under 10 s'],
  [`W2 ${FILTER_STEPS.exportMemory}`, 300 / 1.048576, 'under 300 MB added'],
];

/** Why a step has no browser peer (the steps where no peer can do the same work), or '' when it should have one. */
function noPeerReason(step: string): string {
  if (/^HTTP .* W1 (index|row|unique)/.test(step)) return "DuckDB-Wasm and hyparquet do not read Arrow IPC streams, and apache-arrow reads a stream from a URL only from its start (W1's index or row 37,000,000 is 9 GB or 6.7 GB fetched and decoded first; its unique count the whole 9 GB)";
  if (/^HTTP .* W1 open/.test(step)) return 'DuckDB-Wasm and hyparquet do not read Arrow IPC streams; apache-arrow failed or was not run';
  if (/^W3 /.test(step)) return "DuckDB-Wasm and hyparquet do not read Arrow IPC; apache-arrow's W3 index would be W1's full read again (9 GB in the tab), and it keeps nothing for a reopen";
  if (/^W1 export/.test(step)) return 'apache-arrow has no Parquet writer; DuckDB-Wasm and hyparquet do not read Arrow IPC';
  return '';
}

/**
 * Per-core parity: ours with a compute pool of one worker beside DuckDB-Wasm (single-threaded) and the
 * native tools on one thread, for every step measured with one worker.
 */
function perCore(results: Results, steps: string[]): string[] {
  return steps.flatMap((step) => {
    const one = medianOf(results.get(step, 'ours, 1 worker'));
    if (!Number.isFinite(one)) return [];
    const two = medianOf(results.get(step, 'ours'));
    const peers = PEERS.map((p) => ({ p, x: medianOf(results.get(step, p)) })).filter((q) => Number.isFinite(q.x));
    const native = ['pyarrow', 'DuckDB native, 1 thread'].map((p) => ({ p, x: medianOf(results.get(step, p)) })).filter((q) => Number.isFinite(q.x));
    const vs = (q: { p: string; x: number }) => `${q.p} ${amount(step, q.x)} (ours, 1 worker ${times(one / q.x)} that)`;
    return [`- ${step}: ours, 1 worker ${amount(step, one)}${Number.isFinite(two) ? ` (ours with the full pool ${amount(step, two)})` : ''}; ${[...peers.map(vs), ...native.map(vs)].join(', ') || 'no peer or one-thread native figure'}.`];
  });
}

/**
 * "Where we stand in this run", generated from the same medians as the tables: every step where a
 * browser peer is faster (or uses less memory), every step where ours is ahead of all of them, the
 * ratio to the native limit, issue 15's targets and what did not finish.
 */
export function whereWeStand(results: Results): string[] {
  const behind: string[] = [];
  const ahead: string[] = [];
  const alone: string[] = [];
  const native: { step: string; r: number }[] = [];
  const failed: string[] = [];
  for (const step of reportOrder(results)) {
    for (const who of [...BROWSER, ...NATIVE]) {
      const c = results.get(step, who);
      if (c?.errors.length) failed.push(`${step}, ${who}: ${c.samples.length ? `${c.errors.length} of ${c.errors.length + c.samples.length} runs failed` : 'every run failed'} (${c.errors[0]})`);
    }
    const ours = medianOf(results.get(step, 'ours'));
    if (!Number.isFinite(ours)) continue;
    const peers = PEERS.map((p) => ({ p, x: medianOf(results.get(step, p)) })).filter((q) => Number.isFinite(q.x));
    const unfinished = PEERS.filter((p) => results.get(step, p) && !Number.isFinite(medianOf(results.get(step, p))));
    const faster = peers.filter((q) => q.x < ours).sort((a, b) => a.x - b.x);
    const ourText = `ours ${amount(step, ours)}`;
    if (faster.length) behind.push(`- ${step}: ${ourText}; ${faster.map((q) => `${q.p} ${amount(step, q.x)} (ours ${times(ours / q.x)} that)`).join(', ')}.`);
    else if (peers.length || unfinished.length)
      ahead.push(`- ${step}: ${ourText}; ${[...peers.sort((a, b) => a.x - b.x).map((q) => `${q.p} ${amount(step, q.x)}`), ...unfinished.map((p) => `${p} did not finish`)].join(', ')}.`);
    else alone.push(step);
    const nat = Math.min(...NATIVE.map((n) => medianOf(results.get(step, n))).filter(Number.isFinite));
    if (Number.isFinite(nat) && !step.includes('MiB')) native.push({ step, r: ours / nat });
  }
  const group = (lo: number, hi: number) => native.filter((n) => n.r > lo && n.r <= hi).map((n) => `${n.step} (${times(n.r)})`);
  const nativeLines = native.length
    ? [
        `- At or under the native time: ${group(0, 1).join('; ') || 'no step'}.`,
        `- Within 2× of it: ${group(1, 2).join('; ') || 'no step'}.`,
        `- 2× to 10×: ${group(2, 10).join('; ') || 'no step'}.`,
        `- Over 10×: ${group(10, Infinity).join('; ') || 'no step'}.${native.some((n) => n.r > 10 && /^W1 (chunk|row)/.test(n.step)) ? ' (On W1 pyarrow answers row look-ups in microseconds from a memory map, where ours reads, decodes and paints a grid row from a page through a worker.)' : ''}`,
      ]
    : ['- No native figures in this run.'];
  const reasons = new Map<string, string[]>();
  for (const step of alone) {
    const why = noPeerReason(step);
    reasons.set(why, [...(reasons.get(why) ?? []), step]);
  }
  const aloneLines = [...reasons].map(([why, steps]) => `- ${steps.join('; ')}${why ? `: ${why}.` : ': no peer measured in this run.'}`);
  const parity = perCore(results, reportOrder(results));
  const targets = TARGETS.filter(([step]) => Number.isFinite(medianOf(results.get(step, 'ours')))).map(([step, limit, what]) => {
    const c = results.get(step, 'ours')!;
    const x = median(c.samples);
    const best = Math.min(...c.samples);
    return `- ${step}: ${amount(step, x)} (${amount(step, best)}–${amount(step, Math.max(...c.samples))}) against ${what}: ${x < limit ? 'met' : `**missed**${best < limit ? ` (its best run met it)` : ''}`}.`;
  });
  return [
    '### Where we stand in this run',
    '',
    'Generated from the medians in the tables below (memory steps: lower is better too).',
    '',
    `**Behind a browser peer** (${behind.length} step${behind.length === 1 ? '' : 's'}; every peer faster than ours is named):`,
    '',
    ...(behind.length ? behind : ['- Nowhere in this run.']),
    '',
    `**Ahead of every browser peer measured** (${ahead.length} step${ahead.length === 1 ? '' : 's'}):`,
    '',
    ...(ahead.length ? ahead : ['- Nowhere in this run.']),
    '',
    ...(alone.length ? ['**No browser peer for:**', '', ...aloneLines, ''] : []),
    ...(parity.length ? ['**Per core** (ours with a compute pool of one worker, beside DuckDB-Wasm, single-threaded, and the native tools on one thread):', '', ...parity, ''] : []),
    '**Against the native limit** (the fastest of pyarrow and native DuckDB on the same file; ours ÷ native):',
    '',
    ...nativeLines,
    '',
    ...(targets.length ? ["**Issue 15's targets** (medians of ours in the app, range in brackets):", '', ...targets, ''] : []),
    ...(failed.length ? ['**Not finished**:', '', ...failed.map((f) => `- ${f}.`), ''] : []),
  ];
}

/** Per count and export step: whether every contender found the same number of rows (their notes start "N rows"). */
function agreement(results: Results, steps: string[]): string[] {
  const out: string[] = [];
  for (const step of steps) {
    const found = [...BROWSER, ...NATIVE].flatMap((who) => {
      const n = results.get(step, who)?.notes.map((x) => x.match(/^([\d,]+) rows/)?.[1]).find(Boolean);
      return n ? [{ who, n }] : [];
    });
    if (found.length < 2) continue;
    const digits = (n: string) => n.replace(/,/g, '');
    const same = found.every((f) => digits(f.n) === digits(found[0].n));
    out.push(same ? `${step}: all ${found.length} contenders found ${Number(digits(found[0].n)).toLocaleString('en-US')} rows.` : `${step}: **the contenders disagree**: ${found.map((f) => `${f.who} ${f.n}`).join(', ')}.`);
  }
  return out;
}

function filterSection(results: Results): string[] {
  const steps = filterStepOrder(results.stepOrder);
  if (!steps.length) return [];
  const agree = agreement(results, steps);
  const expected = ['W2', 'W1'].flatMap((w) => Object.values(FILTER_STEPS).filter((x) => w === 'W2' || x !== FILTER_STEPS.topColumn).map((x) => `${w} ${x}`));
  const missing = expected.filter((x) => !steps.includes(x));
  return [
    '### Filter, top-10 sort and export to Parquet (W2 and W1)',
    '',
    `Each step is timed with the file already open. Ours, in a fresh page per step (the file opened and indexed first, not counted): the count from the Enter key in the filter box (\`cand_nm = 'Obama, Barack'\`) to the status saying the count is final, and to the first frame where the grid shows the first matching row with its values ("first matches painted"); the top-10 from the click on the header menu's "Sort descending" of \`contb_receipt_amt\` to the first frame where the status says "Sorted by" and the first row shows every value (the app's top-K: its first 10,000 rows); the export from the Download click (Export…, Parquet, the view filtered by \`${EXPORT_WHERE}\`, no save dialog: the engine worker writes to the origin private file system and the page hands that file to the downloads) to the download starting, timed in Node, with the RSS of the Chromium processes sampled every 100 ms during it (its peak above the level before the click is the memory row) and the CPU time (user + system, every thread) of the whole Chromium process tree over the same span (the CPU row: on a shared machine the wall time alone says little). "ours, 1 worker": the count and its first matches in the same build with a compute pool of one worker (per-core parity with DuckDB-Wasm, single-threaded; the threads in the notes are those the app's status names: the engine's own thread also filters shares until a compute worker first answers, so one worker shows as 2 threads). DuckDB-Wasm (single-threaded, after its start and the File registered): \`SELECT count(*) … WHERE …\`; then \`SELECT * … WHERE … LIMIT ${FIRST_ROWS}\` to the rows in the page, every row turned to text (its "first matches", after the count in the same instance); \`SELECT * … ORDER BY contb_receipt_amt DESC LIMIT 10\` (every column, as our first row shows them); the same with the sort column alone (its fastest top-10 query, a row of its own); and \`COPY (SELECT * … WHERE …) TO 'export.parquet' (FORMAT PARQUET, COMPRESSION SNAPPY)\` into its in-memory file system, the file's bytes then copied out to the page, in a page of its own, with the browser's peak memory and CPU time measured as ours (the \`SELECT *\` top-10 and the COPY, full scans of every column, may run up to ${HEAVY_PEER_STEP_MS / 1000} s each, other peer steps 180 s; a run stopped there is listed under "Not finished"). apache-arrow on W1, after reading the whole stream into a table on the page's thread (not counted; that read is its W1 "index" above): a scan of \`cand_nm\` through \`get(i)\` for the count, the same scan stopped at the ${FIRST_ROWS}th match with those rows' every column to text for the first matches, and a scan of \`contb_receipt_amt\` keeping the best 10 for the top-10; it has no Parquet writer, so no export figure. Native, from nothing open: pyarrow on W1 (memory map + \`read_all\`, then \`equal\` + \`sum\`; for the first matches the memory-mapped stream read batch by batch, \`equal\` + \`indices_nonzero\` + \`take\` until ${FIRST_ROWS} rows, to Python values; \`select_k_unstable\` + a slice per row; \`filter\` + \`write_table\`, snappy) and on W2 for the count (one column read as its dictionary); DuckDB native on W2 with the same SQL as DuckDB-Wasm (the ${FIRST_ROWS} rows fetched to Python values; \`COPY … TO\` a local file), one thread and two; the export's CPU row is the Python process's CPU time (every thread) during it. Ours writes Parquet with snappy too (parquet-wasm).`,
    '',
    ...table(results, steps),
    '',
    ...(agree.length ? [`Rows found: ${agree.join(' ')}`, ''] : []),
    ...(missing.length ? [`Not measured in this run: ${missing.join('; ')}.`, ''] : []),
  ];
}

/** The native tools' notes of the HTTP steps (what they read: requests and bytes), once per step and tool whatever the latency. */
function nativeNotes(results: Results, steps: string[]): string[] {
  const notes = new Map<string, string>();
  for (const step of steps)
    for (const n of NATIVE) {
      const note = results.get(step, n)?.notes[0];
      const what = `${step.replace(/^HTTP \+\d+ ms /, '')}, ${n}`;
      if (note && !notes.has(what)) notes.set(what, note);
    }
  return notes.size ? [`Native reads (the same at every latency): ${[...notes].map(([what, note]) => `${what}: ${note}`).join('; ')}.`, ''] : [];
}

export function render(results: Results): string {
  const m = results.meta as unknown as Meta;
  const plain = results.stepOrder.filter((s) => !isFilterStep(s));
  const steps = (prefix: string) => plain.filter((s) => s.startsWith(prefix));
  const w3 = steps('W3 ');
  const command = `npm run bench${m.quick ? ' -- --quick' : m.only ? ` -- --only ${m.only.join(',')}` : ''}`;
  const threads = m.notes.duckdbThreads;
  return [
    `## Side by side: ours, the browser peers and the native limit (${m.date}${m.quick ? ', quick subset' : m.only ? `, ${m.only.join(', ')} only` : ''})`,
    '',
    `Generated by \`${command}\`${m.minutes ? ` in ${m.minutes} min` : ''}${m.complete ? '' : ' (**interrupted**: the steps not listed were not reached)'} (raw samples: \`bench/results/${runName(m)}.json\`). Machine: ${m.machine}; ${m.versions}. ${m.nativeNote}`,
    '',
    `**Shared machine.** Other sessions may have run meanwhile; load average (1, 5, 15 min) as each part began: ${m.loads.join('; ')}.${m.partsNote ? ` ${m.partsNote}` : ''} Absolute times are noisy; the ratios between contenders measured in the same round matter most.`,
    '',
    `**Page cache: warm.** Each file was read once end to end just before its steps (${m.notes.warm.join('; ') || 'no file read'}); W1 and W3 are 9 GB each, so a file's pages can be partly evicted by the other contenders' memory (apache-arrow holds all of W1 in the tab). The native tools' files were read the same way just before them.`,
    '',
    ...whereWeStand(results),
    `**Method.** Each figure is the median of ${m.reps} runs, with min and max in brackets. All browser contenders run in one Chromium session (one profile, service workers blocked, one local server), their runs interleaved round by round (ours, ours with 1 worker, peer, peer, then again), each run in a fresh page. Times are taken inside the page: "schema" and "index" from the file chosen (input change, or the URL form submitted) to the answer on screen for ours (the Overview showing "Opened in" / "Indexed in") and to the call's return for the peers, with the engine's start included for both (DuckDB-Wasm: instantiate + register the File + \`DESCRIBE\`, or + \`parquet_metadata\` for the index; hyparquet: \`parquetMetadataAsync\`; ours: the app's engine worker starts with the page, everything the open needs after the file is chosen is counted, parquet-wasm's start included); row steps from the Enter keydown in "Go to row" to the first frame where every cell of the target row shows its value (ours) and to the rows in JavaScript (peers). DuckDB-Wasm's row look-ups use \`read_parquet(…, file_row_number=true) WHERE file_row_number BETWEEN a AND b\` (its row-group-aware form, not \`OFFSET\`); hyparquet reads \`parquetReadObjects({rowStart, rowEnd})\` after \`parquetMetadataAsync\`, as Hyperparam does. "ours, 1 worker" is the same build with \`navigator.hardwareConcurrency\` read as 1 (a compute pool of one worker), beside DuckDB-Wasm, which runs single-threaded. DuckDB-Wasm's multithreaded build: ${threads === undefined ? 'not tried in this run; only its single-threaded build is measured' : threads === null ? 'started in a probe, but the steps below use the single-threaded build' : `does not start offline here (${threads}; the cross-origin-isolated page and its pthread worker are served locally), so only its single-threaded build is measured`}. The 64-row step: after row 37,000,000 is on screen, "Go to row" 37,000,064 (every visible cell of that row on screen; the note says how many); the peers read rows 37,000,064–37,000,127 of all 16 columns${results.get('W1 64-row step, 16 columns', 'apache-arrow') ? " (apache-arrow: a slice of the table in memory, each row's values to text)" : ''}. Unique: the app's own time from the click on Count to the merged result (2 workers here, 1 in "ours, 1 worker"), the peers' \`GROUP BY\` or a \`Map\` over \`get(i)\`. "Longest main-thread task": the PerformanceObserver long-task maximum during the step, median over the runs (0: none over 50 ms). Peak memory: the RSS of the whole Chromium process tree (from /proc/PID/status every 50 ms; PSS's page-table scan took half a core from the steps it watched) during the contender's run, above the browser just before it.`,
    '',
    ...(steps('W2 ').length ? ['### W2: Parquet, 50 row groups of 1,001,731 rows (1.4 GB, snappy), the same rows as W1', '', ...table(results, steps('W2 ')), ''] : []),
    ...(steps('W1 ').length
      ? [
          '### W1: IPC stream, 50 record batches of 1,001,731 rows (9.0 GB)',
          '',
          'apache-arrow has no way to index a stream without reading it: its "index" reads and decodes every batch (`RecordBatchReader` over `file.stream()`), not the same work as ours (message headers only); pyarrow\'s is `read_all` over a memory map, which copies nothing. apache-arrow\'s row look-ups, the 64-row step and counts then run on the table in memory.',
          '',
          ...table(results, steps('W1 ')),
          '',
        ]
      : []),
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
          `The file served by the bench's local server with HTTP Range, each response held back by the added latency (\`/files/NAME?delay=MS\`), several ranges in one request answered as nginx and Apache do (one multipart/byteranges answer; ours asks so for a view's small reads, the peers never do); ours through the app's "Open URL" form, DuckDB-Wasm with \`registerFileURL\` (HTTP protocol), hyparquet with \`asyncBufferFromUrl\`; unique \`cand_nm\` after the jump, in the same page (ours: the Unique view's count, its compute workers opening the URL themselves; DuckDB-Wasm: \`GROUP BY\`); W1 open: apache-arrow's \`RecordBatchReader\` over a \`fetch\` of the file (a stream is read from its start: no Range), timed to the schema (the first message), the response then cancelled. W1's index and row 37,000,000 have no browser peer: DuckDB-Wasm and hyparquet do not read Arrow IPC streams, and apache-arrow's only way to them is to fetch and decode the stream up to there (9 GB for the index). Native: pyarrow through the same server and latency (see the native sentence above: a Python file object of Range requests, the requests and bytes in its notes); none for W1's index, row 37,000,000 and unique, where pyarrow would read every message before the row (about 6.7 GB; the whole 9 GB for the index and the unique count), nor for DuckDB native, whose httpfs extension is not installed here and cannot be downloaded.`,
          '',
          ...table(results, httpOrder(steps('HTTP '))),
          '',
          ...nativeNotes(results, httpOrder(steps('HTTP '))),
        ]
      : []),
    ...filterSection(results),
  ].join('\n');
}

const MARKERS = ['<!-- generated by npm run bench: start -->', '<!-- generated by npm run bench: end -->'] as const;

/**
 * The report written where it belongs: bench/results/NAME.md always; the generated part of
 * BENCHMARKS.md only for a full run (not --quick, not a part run alone with --only).
 */
export function publish(results: Results): void {
  const m = results.meta as unknown as Meta;
  const report = render(results);
  console.log(report);
  writeFileSync(`bench/results/${runName(m)}.md`, report);
  if (m.quick || m.only) return;
  const doc = readFileSync('BENCHMARKS.md', 'utf8');
  const [open, close] = MARKERS;
  const a = doc.indexOf(open);
  const b = doc.indexOf(close);
  writeFileSync('BENCHMARKS.md', a >= 0 && b > a ? `${doc.slice(0, a + open.length)}\n${report}\n${doc.slice(b)}` : `${doc.trimEnd()}\n\n${open}\n${report}\n${close}\n`);
}
