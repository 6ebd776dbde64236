/**
 * The 100,000-column files in the built app (headless Chromium): time to the Overview, time from the
 * Data tab to its first value (while the Overview's column summary is being counted), and tab memory
 * (PSS of the Chromium processes above an empty tab, peak and after GC) and JS heap (page and engine
 * worker, after GC) once Overview, Data, Schema and Chunks have been visited. Each file 3 times, each in
 * a fresh browser; medians.
 *
 *   node --expose-gc --import tsx bench/scaleChromium.ts [distDir]   (default dist/)
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { writeWideArrow, writeWideParquet } from '../scripts/gen/scaleFiles';
import { pssByType, pssMiB, samplePeak } from './tabMemory';
import { median } from './median';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info', '--js-flags=--expose-gc'];

export interface ScaleAppFigures {
  overviewMs: number;
  dataFirstValueMs: number;
  peakAddedMiB: number;
  steadyAddedMiB: number;
  pageHeapMiB: number;
  workerHeapMiB: number;
}

const MiB = 2 ** 20;

/** The engine worker's JS heap in use (CDP Runtime.getHeapUsage through the page's session: workers have no performance.memory). */
async function workerHeapBytes(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; title: string }[] };
    const target = targetInfos.find((t) => t.type === 'worker' && t.title === 'arrowscope-engine');
    if (!target) return 0;
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    const answer = new Promise<number>((resolve) =>
      cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
        const m = JSON.parse(e.message) as { id?: number; result?: { usedSize: number; totalSize: number } };
        if (m.id === 1) {
          if (process.env.BY_TYPE) console.error(`worker heap used ${((m.result?.usedSize ?? 0) / MiB).toFixed(0)} MiB of ${((m.result?.totalSize ?? 0) / MiB).toFixed(0)} MiB`);
          resolve(m.result?.usedSize ?? 0);
        }
      }),
    );
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage', params: {} }) });
    return await answer;
  } finally {
    await cdp.detach();
  }
}

/** JS heap used by the page and by the engine worker, after a full GC in each. */
async function heaps(page: Page): Promise<{ page: number; workers: number }> {
  const p = (await page.evaluate('gc(); gc(); performance.memory.usedJSHeapSize')) as number;
  if (process.env.BY_TYPE) console.error(`page heap ${(((await page.evaluate('performance.memory.totalJSHeapSize')) as number) / MiB).toFixed(0)} MiB total; overview: ${await page.evaluate('document.body.innerText.match(/wasm[^\\n]*/i)?.[0] ?? ""')}`);
  for (const worker of page.workers()) await worker.evaluate('gc(); gc()').catch(() => {});
  return { page: p / MiB, workers: (await workerHeapBytes(page)) / MiB };
}

async function once(dist: string, file: string, port: number): Promise<ScaleAppFigures> {
  const server = await preview({ build: { outDir: dist }, preview: { port, strictPort: true }, logLevel: 'silent' });
  const profile = mkdtempSync(join(tmpdir(), 'arrowscope-scale-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS, headless: true });
  try {
    const page = await context.newPage();
    await page.goto(`http://localhost:${port}/`);
    await page.getByRole('button', { name: 'Open sample' }).waitFor();
    await page.waitForTimeout(1000);
    const empty = pssMiB(profile);
    const emptyByType = pssByType(profile);
    const stop = samplePeak(profile, 50, pssMiB);
    const t0 = performance.now();
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('overview').filter({ hasText: '100,000' }).waitFor({ timeout: 120_000 });
    const overviewMs = performance.now() - t0;
    // Straight to Data while the Overview's column summary has just started.
    const t1 = performance.now();
    await page.getByRole('tab', { name: 'Data' }).click();
    await page.getByTestId('grid').locator('[aria-rowindex="1"]').getByRole('gridcell').nth(1).filter({ hasText: /^10$/ }).waitFor({ timeout: 120_000 });
    const dataFirstValueMs = performance.now() - t1;
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByTestId('column-summary-status').filter({ hasText: /^From |not summarized on open/ }).waitFor({ timeout: 120_000 });
    await page.getByRole('tab', { name: 'Schema' }).click();
    await page.getByTestId('schema').filter({ hasText: 'c00000' }).waitFor();
    await page.getByRole('tab', { name: 'Chunks' }).click();
    await page.waitForTimeout(1000);
    const h = await heaps(page);
    await page.waitForTimeout(1000);
    const steadyAddedMiB = pssMiB(profile) - empty;
    const byType = pssByType(profile);
    if (process.env.BY_TYPE) console.error(Object.entries(byType).map(([t, v]) => `${t} +${(v - (emptyByType[t] ?? 0)).toFixed(0)}`).join(', '));
    const peakAddedMiB = stop() - empty;
    return { overviewMs, dataFirstValueMs, peakAddedMiB, steadyAddedMiB, pageHeapMiB: h.page, workerHeapMiB: h.workers };
  } finally {
    await context.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

export async function measureScaleInChromium(dist: string, files: string[], runs = 3): Promise<Record<string, ScaleAppFigures>> {
  const out: Record<string, ScaleAppFigures> = {};
  for (const file of files) {
    const all: ScaleAppFigures[] = [];
    for (let r = 0; r < runs; r++) {
      all.push(await once(dist, file, Number(process.env.E2E_PORT ?? 4181)));
      console.error(file, JSON.stringify(all[all.length - 1]));
    }
    out[file] = Object.fromEntries(Object.keys(all[0]).map((k) => [k, median(all.map((f) => f[k as keyof ScaleAppFigures]))])) as unknown as ScaleAppFigures;
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'dist';
  const stream = join(tmpdir(), 'arrowscope-e2e-100k-fields.arrows');
  const parquet = join(tmpdir(), 'arrowscope-e2e-100k-fields.parquet');
  if (!existsSync(stream)) await writeWideArrow(stream);
  if (!existsSync(parquet)) await writeWideParquet(parquet);
  const only = process.argv[3];
  const files = [stream, parquet].filter((f) => !only || f.includes(only));
  const figures = await measureScaleInChromium(dist, files, Number(process.env.RUNS ?? 3));
  for (const [file, f] of Object.entries(figures)) {
    console.log(`${file}: Overview ${f.overviewMs.toFixed(0)} ms, Data first value ${f.dataFirstValueMs.toFixed(0)} ms, PSS added peak ${f.peakAddedMiB.toFixed(0)} MiB / after ${f.steadyAddedMiB.toFixed(0)} MiB, JS heap page ${f.pageHeapMiB.toFixed(0)} MiB + worker ${f.workerHeapMiB.toFixed(0)} MiB`);
  }
}
