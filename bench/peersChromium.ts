/**
 * The peers a user would pick instead, on the same files in the same browser:
 * DuckDB-Wasm (Parquet; it has no lazy Arrow IPC reader) and plain apache-arrow (the IPC stream).
 */
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { withBrowser } from './browser';
import { pssMiB, samplePeak } from './tabMemory';

const CONFIG = 'bench/peers/vite.config.ts';

export interface PeerStep {
  step: string;
  ms?: number;
  peakAddedMiB: number;
  steadyAddedMiB: number;
  longestTaskMs: number;
  result?: unknown;
  error?: string;
}

export interface PeerRun {
  peer: string;
  emptyTabMiB: number;
  steps: PeerStep[];
}

type Call = { ms: number; result: unknown };

/** A step still running after this is stopped (the page reloads) and reported as such. */
const STEP_TIMEOUT_MS = Number(process.env.PEER_STEP_TIMEOUT_MS ?? 120_000);

class StepTimeout extends Error {
  /** Peak tab memory above the empty tab while the step ran. */
  peakAddedMiB = Number.NaN;
}

function withTimeout<T>(p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new StepTimeout(`stopped after ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** Runs the page's `window.peers[name](...args)`, sampling tab memory around it. */
async function step(page: Page, profile: string, emptyTabMiB: number, name: string, call: string): Promise<PeerStep> {
  await page.evaluate('window.peers.resetLongestTask()');
  const stop = samplePeak(profile);
  try {
    const { ms, result } = (await withTimeout(page.evaluate(`window.peers.${call}`))) as Call;
    const peak = stop();
    await page.waitForTimeout(500);
    return { step: name, ms, result, peakAddedMiB: peak - emptyTabMiB, steadyAddedMiB: pssMiB(profile) - emptyTabMiB, longestTaskMs: (await page.evaluate('window.peers.longestTask()')) as number };
  } catch (e) {
    const peak = stop();
    if (e instanceof StepTimeout) {
      e.peakAddedMiB = peak - emptyTabMiB;
      throw e;
    }
    return { step: name, error: String((e as Error).message ?? e).split('\n')[0], peakAddedMiB: peak - emptyTabMiB, steadyAddedMiB: Number.NaN, longestTaskMs: Number.NaN };
  }
}

/** Loads the peers' page with the file chosen; `setup` calls are replayed after a stopped step. */
async function loadPage(page: Page, origin: string, path: string, setup: string[]): Promise<void> {
  await page.goto(origin);
  await page.waitForFunction('window.peers !== undefined');
  await page.getByTestId('file-input').setInputFiles(path);
  for (const call of setup) await page.evaluate(`window.peers.${call}`);
}

async function peerPage(path: string, peer: string, run: (s: (name: string, call: string, setup?: boolean) => Promise<PeerStep>) => Promise<void>): Promise<PeerRun> {
  return withBrowser(async (context, profile, origin) => {
    const page = await context.newPage();
    await loadPage(page, origin, path, []);
    await page.waitForTimeout(500);
    const emptyTabMiB = pssMiB(profile);
    const steps: PeerStep[] = [];
    const setup: string[] = [];
    let crashed = false;
    page.on('crash', () => (crashed = true));
    await run(async (name, call, isSetup = false) => {
      let s: PeerStep;
      if (crashed) s = { step: name, error: 'tab had crashed', peakAddedMiB: Number.NaN, steadyAddedMiB: Number.NaN, longestTaskMs: Number.NaN };
      else {
        try {
          s = await step(page, profile, emptyTabMiB, name, call);
        } catch (e) {
          if (!(e instanceof StepTimeout)) throw e;
          s = { step: name, error: e.message, peakAddedMiB: e.peakAddedMiB, steadyAddedMiB: Number.NaN, longestTaskMs: Number.NaN };
          await loadPage(page, origin, path, setup);
        }
      }
      if (isSetup) setup.push(call);
      steps.push(s);
      console.error(`  ${peer} ${name}: ${s.error ?? `${s.ms?.toFixed(1)} ms`}, peak +${s.peakAddedMiB.toFixed(0)} MiB`);
      return s;
    });
    return { peer, emptyTabMiB, steps };
  }, CONFIG);
}

export function buildPeers(): void {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', CONFIG, '--logLevel', 'error'], { stdio: 'inherit' });
}

/** Plain apache-arrow over the IPC stream: open, read_all, then look-ups and Map-based value counts. */
export function arrowPeer(path: string, chunkRows: number, columns: string[]): Promise<PeerRun> {
  return peerPage(path, 'apache-arrow', async (s) => {
    await s('schema', 'arrowOpen()', true);
    await s('index', 'arrowReadAll()', true);
    await s('chunk 5 row 1000', `arrowRowOfChunk(5, ${Math.min(1000, chunkRows - 1)})`);
    await s('row 37,000,000', 'arrowRow(37000000)');
    for (const c of columns) await s(`unique ${c}`, `arrowUnique(${JSON.stringify(c)})`);
  });
}

/** DuckDB-Wasm over the Parquet file registered as a lazily read File handle. */
export function duckdbPeer(path: string, chunkRows: number, columns: string[]): Promise<PeerRun> {
  return peerPage(path, 'DuckDB-Wasm', async (s) => {
    // What a user waits for before the schema: engine start with file registration, then DESCRIBE.
    await s('start', 'duckdbOpen()', true);
    await s('describe', 'duckdbQuery("DESCRIBE SELECT * FROM FILE", false)');
    await s('index', 'duckdbQuery("SELECT row_group_id, any_value(row_group_num_rows) AS num_rows FROM parquet_metadata(FILE) GROUP BY ALL", false)');
    await s('chunk 5 row 1000', `duckdbQuery("SELECT * FROM FILE LIMIT 1 OFFSET ${5 * chunkRows + 1000}")`);
    await s('row 37,000,000', 'duckdbQuery("SELECT * FROM FILE LIMIT 1 OFFSET 37000000")');
    for (const c of columns) await s(`unique ${c}`, `duckdbQuery("SELECT ${c}, count(*) FROM FILE GROUP BY ALL", false)`);
  });
}
