/**
 * The browser half of `npm run bench`: every step, ours and each peer, in one Chromium session, the
 * contenders' runs interleaved (ours, peer, peer, ours, peer, peer, …), each run in a fresh page.
 */
import { openSync, readFileSync, readSync, closeSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from '@playwright/test';
import { appData, appGoto, appOpen, appPage, appUnique, type Timed } from './appChromium';
import { interleave, recorded, type Results } from './compare';
import { withSession, type Session } from './browserSession';
import { duckdbThreadsProbe, peerCall, peerPage } from './peersChromium';
import { rssMiB, samplePeak } from './tabMemory';
import { runFilterPart } from './filterPlan';

export const CHUNK_ROWS = 1_001_731;
const ROW = 37_000_000;
const C5 = 5 * CHUNK_ROWS + 1000;
export const UNIQUE_COLUMNS = ['cand_nm', 'contbr_nm'];

export interface Files {
  W1: string;
  W2: string;
  W3: string;
}

export interface BrowserNotes {
  /** DuckDB-Wasm's multithreaded build: null when it started, else why not; absent when not tried (quick, --only). */
  duckdbThreads?: string | null;
  warm: string[];
  /** The last part begun (W2, W1, W3, HTTP +N ms, filter, sort and export). */
  phase: string;
}

/** Reads a file once end to end (the page cache is then warm for it, as far as memory allows). */
const warmedAt = new Map<string, number>();

export function warm(path: string): string {
  const last = warmedAt.get(path);
  if (last !== undefined && Date.now() - last < 120_000) return `${basename(path)}: read ${((Date.now() - last) / 1000).toFixed(0)} s before`;
  const t = performance.now();
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(16 << 20);
  let total = 0;
  for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) total += n;
  closeSync(fd);
  const s = (performance.now() - t) / 1000;
  const line = `${basename(path)}: ${(total / 2 ** 30).toFixed(2)} GiB read in ${s.toFixed(1)} s (${(total / 2 ** 30 / s).toFixed(2)} GiB/s)`;
  console.error(`warm ${line}`);
  warmedAt.set(path, Date.now());
  return line;
}

/**
 * Runs `f` on a fresh page and records the peak RSS the browser added meanwhile, then closes the page
 * and waits for a quiet machine (machineQuiet), so that one contender's teardown is not timed in the
 * next one's steps.
 */
async function run(s: Session, results: Results, memoryStep: string | null, contender: string, open: () => Promise<Page>, f: (page: Page) => Promise<void>): Promise<void> {
  const before = rssMiB(s.profile);
  const stop = samplePeak(s.profile);
  const page = await open();
  try {
    await f(page);
  } finally {
    const peak = stop();
    if (!page.isClosed()) await page.close();
    if (memoryStep) results.add(memoryStep, contender, { ms: peak - before });
    await machineQuiet();
  }
}

/** The machine's CPU time busy and in all, in ticks, from /proc/stat (Linux; zeros elsewhere). */
function cpuTicks(): { busy: number; all: number } {
  try {
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const all = ticks.reduce((a, b) => a + b, 0);
    return { busy: all - ticks[3] - ticks[4], all };
  } catch {
    return { busy: 0, all: 0 };
  }
}

/**
 * Waits (up to 30 s) until the whole machine spent under a quarter of its CPU over half a second. A
 * closed page's process goes on freeing its memory after it has left the tree we measure: right after
 * apache-arrow's 9 GB on W1, our unique count of `contbr_nm` took 6.2-7.7 s, 5.0 s in the round before.
 */
async function machineQuiet(limitMs = 30_000): Promise<void> {
  const t = performance.now();
  for (let a = cpuTicks(); ; ) {
    await new Promise((r) => setTimeout(r, 500));
    const b = cpuTicks();
    if (b.all === a.all || (b.busy - a.busy) / (b.all - a.all) < 0.25 || performance.now() - t > limitMs) break;
    a = b;
  }
  console.error(`  (machine quiet after ${((performance.now() - t) / 1000).toFixed(1)} s)`);
}

const sum = (...xs: Timed[]): Timed => ({ ms: xs.reduce((a, x) => a + x.ms, 0), longestTaskMs: Math.max(...xs.map((x) => x.longestTaskMs)) });

/**
 * Full: W2, W1, W3, HTTP at +0/+50/+150 ms, then filter, sort and export (bench/filterPlan.ts). Quick:
 * the light steps of W2 (ours and hyparquet) and W1 (ours), and the filter counts (ours on W1 and W2,
 * DuckDB-Wasm on W2). `onProgress` is told as each part begins (so an interrupted run still says what it
 * reached).
 */
export async function runBrowser(results: Results, files: Files, dataDir: string, opts: { quick: boolean; reps: number; only?: string[]; onProgress: (n: BrowserNotes) => void }): Promise<BrowserNotes> {
  const { quick, reps } = opts;
  const wanted = (part: string) => !opts.only || opts.only.includes(part);
  const notes: BrowserNotes = { warm: [], phase: 'start' };
  const phase = (p: string) => ((notes.phase = p), opts.onProgress(notes));
  await withSession(dataDir, async (s) => {
    const add = (step: string, who: string, t: Timed) => results.add(step, who, t);
    const rec = (step: string, who: string, f: Promise<Timed>) => recorded(results, step, who, f);

    if (wanted('W2')) {
    // ---- W2: Parquet ----
    phase('W2');
    notes.warm.push(`W2 part: ${warm(files.W2)}`);
    if (!quick) notes.duckdbThreads = await duckdbThreadsProbe(s, files.W2);
    if (!quick) console.error(`DuckDB-Wasm threaded build: ${notes.duckdbThreads ?? 'starts'}`);
    const w2Unique = quick ? [] : UNIQUE_COLUMNS;
    const duckdbW2 = {
      name: 'DuckDB-Wasm',
      run: () =>
        run(s, results, 'W2 peak memory added (MiB)', 'DuckDB-Wasm', () => peerPage(s, files.W2), async (page) => {
              const start = await peerCall(page, 'duckdbOpen()');
              const describe = await peerCall(page, 'duckdbQuery("DESCRIBE SELECT * FROM FILE", false)');
              add('W2 schema', 'DuckDB-Wasm', sum(start, describe));
              const meta = await peerCall(page, 'duckdbQuery("SELECT row_group_id, any_value(row_group_num_rows) FROM parquet_metadata(FILE) GROUP BY ALL", false)');
              add('W2 index', 'DuckDB-Wasm', sum(start, meta));
              const byRow = (a: number, b = a) => `duckdbQuery("SELECT * FROM read_parquet(FILE, file_row_number=true) WHERE file_row_number BETWEEN ${a} AND ${b}")`;
              add('W2 chunk 5 row 1000', 'DuckDB-Wasm', await peerCall(page, byRow(C5)));
              await rec('W2 row 37,000,000', 'DuckDB-Wasm', peerCall(page, byRow(ROW)));
              add('W2 64-row step, 16 columns', 'DuckDB-Wasm', await peerCall(page, byRow(ROW + 64, ROW + 127)));
              for (const c of w2Unique) await rec(`W2 unique ${c}`, 'DuckDB-Wasm', peerCall(page, `duckdbQuery("SELECT ${c}, count(*) FROM FILE GROUP BY ALL", false)`));
              await peerCall(page, 'duckdbClose()');
            }),
    };
    await interleave(
      reps,
      [
        {
          name: 'ours',
          run: () =>
            run(s, results, 'W2 peak memory added (MiB)', 'ours', () => appPage(s), async (page) => {
              const o = await appOpen(page, { path: files.W2 });
              add('W2 schema', 'ours', o.schema);
              add('W2 index', 'ours', o.index);
              await appData(page);
              add('W2 chunk 5 row 1000', 'ours', await appGoto(page, '5:1000', C5 + 1));
              add('W2 row 37,000,000', 'ours', await appGoto(page, String(ROW), ROW + 1));
              add('W2 64-row step, 16 columns', 'ours', await appGoto(page, String(ROW + 64), ROW + 65));
              for (const c of w2Unique) add(`W2 unique ${c}`, 'ours', await appUnique(page, c));
            }),
        },
        ...(quick
          ? []
          : [
              {
                name: 'ours, 1 worker',
                run: () =>
                  run(s, results, null, 'ours, 1 worker', () => appPage(s, 'app1'), async (page) => {
                    await appOpen(page, { path: files.W2 });
                    for (const c of w2Unique) add(`W2 unique ${c}`, 'ours, 1 worker', await appUnique(page, c));
                  }),
              },
            ]),
        ...(quick ? [] : [duckdbW2]),
        {
          name: 'hyparquet',
          run: () =>
            run(s, results, 'W2 peak memory added (MiB)', 'hyparquet', () => peerPage(s, files.W2), async (page) => {
              const open = await peerCall(page, 'hyparquetOpen()');
              add('W2 schema', 'hyparquet', open);
              add('W2 index', 'hyparquet', open);
              add('W2 chunk 5 row 1000', 'hyparquet', await peerCall(page, `hyparquetRows(${C5}, ${C5 + 1})`));
              add('W2 row 37,000,000', 'hyparquet', await peerCall(page, `hyparquetRows(${ROW}, ${ROW + 1})`));
              add('W2 64-row step, 16 columns', 'hyparquet', await peerCall(page, `hyparquetRows(${ROW + 64}, ${ROW + 128})`));
            }),
        },
      ],
      results,
      'W2 schema',
    );

    }
    if (wanted('W1')) {
    // ---- W1: IPC stream, 50 batches ----
    phase('W1');
    notes.warm.push(`W1 part: ${warm(files.W1)}`);
    await interleave(
      reps,
      [
        {
          name: 'ours',
          run: () =>
            run(s, results, 'W1 peak memory added (MiB)', 'ours', () => appPage(s), async (page) => {
              const o = await appOpen(page, { path: files.W1 });
              add('W1 schema', 'ours', o.schema);
              add('W1 index', 'ours', o.index);
              await appData(page);
              add('W1 chunk 5 row 1000', 'ours', await appGoto(page, '5:1000', C5 + 1));
              add('W1 row 37,000,000', 'ours', await appGoto(page, String(ROW), ROW + 1));
              add('W1 64-row step, 16 columns', 'ours', await appGoto(page, String(ROW + 64), ROW + 65));
              if (!quick) for (const c of UNIQUE_COLUMNS) add(`W1 unique ${c}`, 'ours', await appUnique(page, c));
            }),
        },
        ...(quick
          ? []
          : [
              {
                name: 'ours, 1 worker',
                run: () =>
                  run(s, results, null, 'ours, 1 worker', () => appPage(s, 'app1'), async (page) => {
                    await appOpen(page, { path: files.W1 });
                    for (const c of UNIQUE_COLUMNS) add(`W1 unique ${c}`, 'ours, 1 worker', await appUnique(page, c));
                  }),
              },
              {
                name: 'apache-arrow',
                run: () =>
                  run(s, results, 'W1 peak memory added (MiB)', 'apache-arrow', () => peerPage(s, files.W1), async (page) => {
                    const open = await peerCall(page, 'arrowOpen()');
                    add('W1 schema', 'apache-arrow', open);
                    add('W1 index', 'apache-arrow', { ...sum(open, await peerCall(page, 'arrowReadAll()')), note: 'reads and decodes every batch' });
                    add('W1 chunk 5 row 1000', 'apache-arrow', await peerCall(page, 'arrowRowOfChunk(5, 1000)'));
                    add('W1 row 37,000,000', 'apache-arrow', await peerCall(page, `arrowRow(${ROW})`));
                    add('W1 64-row step, 16 columns', 'apache-arrow', await peerCall(page, `arrowRows(${ROW + 64}, ${ROW + 128})`));
                    for (const c of UNIQUE_COLUMNS) await rec(`W1 unique ${c}`, 'apache-arrow', peerCall(page, `arrowUnique(${JSON.stringify(c)})`));
                  }),
              },
            ]),
      ],
      results,
      'W1 schema',
    );

    }
    // ---- W3: 50,100 small batches: index, and a second open of the same file ----
    if (!quick && wanted('W3')) {
      phase('W3');
      notes.warm.push(`W3 part: ${warm(files.W3)}`);
      await interleave(
        reps,
        [
          {
            name: 'ours',
            run: async () => {
              await run(s, results, 'W3 peak memory added (MiB)', 'ours', () => appPage(s), async (page) => {
                // A first open: no index kept from an earlier round (the app keeps one per file in IndexedDB).
                const cdp = await s.context.newCDPSession(page);
                await cdp.send('Storage.clearDataForOrigin', { origin: s.server.origin, storageTypes: 'indexeddb' });
                await cdp.detach();
                const o = await appOpen(page, { path: files.W3 }, 300_000);
                add('W3 schema', 'ours', o.schema);
                add('W3 index', 'ours', o.index);
              });
              await run(s, results, null, 'ours', () => appPage(s), async (page) => {
                const o = await appOpen(page, { path: files.W3 }, 300_000);
                add('W3 reopen: schema', 'ours', o.schema);
                add('W3 reopen: index', 'ours', o.index);
              });
            },
          },
          {
            name: 'apache-arrow',
            run: () =>
              run(s, results, null, 'apache-arrow', () => peerPage(s, files.W3), async (page) => {
                add('W3 schema', 'apache-arrow', await peerCall(page, 'arrowOpen()'));
              }),
          },
        ],
        results,
        'W3 schema',
      );
    }
    // ---- HTTP with added latency: open, jump and unique cand_nm ----
    for (const delay of quick || !wanted('HTTP') ? [] : [0, 50, 150]) {
      phase(`HTTP +${delay} ms`);
      const url = (f: string) => `${s.server.origin}/files/${basename(f)}?delay=${delay}`;
      const p = `HTTP +${delay} ms`;
      await interleave(
        reps,
        [
          {
            name: 'ours',
            run: () =>
              run(s, results, null, 'ours', () => appPage(s), async (page) => {
                const o = await appOpen(page, { url: url(files.W2) });
                add(`${p} W2 open`, 'ours', o.schema);
                await appData(page);
                await rec(`${p} W2 row 37,000,000`, 'ours', appGoto(page, String(ROW), ROW + 1));
                add(`${p} W2 unique cand_nm`, 'ours', await appUnique(page, 'cand_nm'));
              }),
          },
          {
            name: 'DuckDB-Wasm',
            run: () =>
              run(s, results, null, 'DuckDB-Wasm', () => peerPage(s), async (page) => {
                const start = await peerCall(page, `duckdbOpen(${JSON.stringify(url(files.W2))})`);
                add(`${p} W2 open`, 'DuckDB-Wasm', sum(start, await peerCall(page, 'duckdbQuery("DESCRIBE SELECT * FROM FILE", false)')));
                await rec(`${p} W2 row 37,000,000`, 'DuckDB-Wasm', peerCall(page, `duckdbQuery("SELECT * FROM read_parquet(FILE, file_row_number=true) WHERE file_row_number = ${ROW}")`, 90_000));
                await rec(`${p} W2 unique cand_nm`, 'DuckDB-Wasm', peerCall(page, 'duckdbQuery("SELECT cand_nm, count(*) FROM FILE GROUP BY ALL", false)', 90_000));
                await peerCall(page, 'duckdbClose()');
              }),
          },
          {
            name: 'hyparquet',
            run: () =>
              run(s, results, null, 'hyparquet', () => peerPage(s), async (page) => {
                add(`${p} W2 open`, 'hyparquet', await peerCall(page, `hyparquetOpen(${JSON.stringify(url(files.W2))})`));
                await rec(`${p} W2 row 37,000,000`, 'hyparquet', peerCall(page, `hyparquetRows(${ROW}, ${ROW + 1})`));
              }),
          },
          {
            name: 'ours W1',
            run: () =>
              run(s, results, null, 'ours', () => appPage(s), async (page) => {
                const o = await appOpen(page, { url: url(files.W1) });
                add(`${p} W1 open`, 'ours', o.schema);
                add(`${p} W1 index`, 'ours', o.index);
                await appData(page);
                add(`${p} W1 row 37,000,000`, 'ours', await appGoto(page, String(ROW), ROW + 1));
                add(`${p} W1 unique cand_nm`, 'ours', await appUnique(page, 'cand_nm'));
              }),
          },
          {
            // W1's only browser peer over HTTP, for its open: apache-arrow reads a stream from a fetch to its schema.
            name: 'apache-arrow W1',
            run: () =>
              run(s, results, null, 'apache-arrow', () => peerPage(s), async (page) => {
                await rec(`${p} W1 open`, 'apache-arrow', peerCall(page, `arrowOpen(${JSON.stringify(url(files.W1))})`).then((t) => ({ ...t, note: 'fetch, the schema message, then the response cancelled' })));
              }),
          },
        ],
        results,
        `${p} W2 open`,
      );
    }

    // ---- filter count, top-10 sort and export to Parquet (bench/filterPlan.ts); quick: the counts ----
    if (wanted('FILTER')) {
      phase('filter, sort and export');
      notes.warm.push(...(await runFilterPart(s, results, files, reps, warm, quick)).map((w) => `filter part: ${w}`));
    }
  });
  return notes;
}
