/**
 * node --import tsx bench/exportChromium.ts FILE 'WHERE' [runs]
 *   env: EXPORT_DIST (built app, default dist/), EXPORT_PORT (default 4193), CHROMIUM_PATH
 *
 * Issue 15's export figure in the built app: FILE opened and filtered by WHERE in the Data view, then
 * Export… as Parquet through the download path (no save dialog: the engine worker writes to the origin
 * private file system, the page hands that file to the browser's downloads), `runs` times (3), each in
 * a fresh page. Timed from the Download click to the download event; the RSS of the whole Chromium
 * process tree is sampled meanwhile, its peak given above its level just before the click, and the
 * CPU time of that tree over the same span.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Download, type Page } from '@playwright/test';
import { preview } from 'vite';
import { rssMiB, samplePeak } from './tabMemory';
import { median } from './median';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface ExportInApp {
  rows: number;
  ms: number;
  addedPeakMiB: number;
  bytes: number;
  /** CPU seconds (user + system, every thread) the Chromium tree spent from the click to the download: the wall time on a machine others load too says little alone. */
  cpuS: number;
}

/** CPU seconds used so far by every process whose command line mentions `marker` (Linux /proc, clock ticks of 1/100 s). */
export function cpuSeconds(marker: string): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* process ended while we looked */
    }
  }
  return ticks / 100;
}

/** Filters the open file's Data view by `where` and waits for the final count: the rows on view. */
export async function filterForExport(page: Page, where: string): Promise<number> {
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByTestId('filter-text').fill(where);
  await page.getByTestId('filter-text').press('Enter');
  await page.waitForFunction(() => / in [\d.]+ s/.test(document.querySelector('[data-testid=filter-status]')?.textContent ?? ''), null, { timeout: 300_000, polling: 100 });
  const status = (await page.getByTestId('filter-status').textContent()) ?? '';
  return Number(status.match(/([\d,]+) matching/)?.[1].replace(/,/g, ''));
}

export interface ParquetExport {
  ms: number;
  addedPeakMiB: number;
  /** Longest main-thread task meanwhile, where the page has the bench's observer (appChromium's INIT). */
  longestTaskMs: number;
  cpuS: number;
  download: Download;
}

/**
 * Export… as Parquet through the download path (the page must have no save dialog): from the Download
 * click to the download event (the worker has written the whole file to the private file system by
 * then), with the RSS of the Chromium processes mentioning `profile` sampled meanwhile (its peak above
 * the level just before the click).
 */
export async function exportParquet(page: Page, profile: string): Promise<ParquetExport> {
  await page.getByTestId('export-menu').locator('summary').click();
  await page.getByLabel('Export format').selectOption('parquet');
  await page.evaluate('window.__bench && (window.__bench.longest = 0)');
  const before = rssMiB(profile);
  const stop = samplePeak(profile, 100);
  const cpuBefore = cpuSeconds(profile);
  const started = performance.now();
  const downloading = page.waitForEvent('download', { timeout: 600_000 });
  try {
    await page.getByRole('button', { name: 'Download' }).click();
    const download = await downloading;
    const ms = performance.now() - started;
    const cpuS = cpuSeconds(profile) - cpuBefore;
    const longestTaskMs = Number(await page.evaluate('window.__bench?.longest ?? 0'));
    return { ms, addedPeakMiB: stop() - before, longestTaskMs, cpuS, download };
  } finally {
    stop();
  }
}

export async function measureExportInApp(file: string, where: string, runs = 3): Promise<ExportInApp[]> {
  const port = Number(process.env.EXPORT_PORT ?? 4193);
  const server = await preview({ build: { outDir: resolve(process.env.EXPORT_DIST ?? 'dist') }, preview: { port, strictPort: true }, logLevel: 'silent' });
  const profile = mkdtempSync(join(tmpdir(), 'arrowscope-export-bench-'));
  const downloads = mkdtempSync(join(tmpdir(), 'arrowscope-export-out-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS, headless: true, acceptDownloads: true });
  await context.addInitScript(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true }));
  const out: ExportInApp[] = [];
  try {
    for (let k = 0; k < runs; k++) {
      const page = await context.newPage();
      await page.goto(`http://localhost:${port}/`);
      await page.getByTestId('file-input').setInputFiles(file);
      await page.waitForFunction(() => /Indexed in[\d.]+ ms/.test(document.querySelector('[data-testid=overview]')?.textContent ?? ''), null, { timeout: 300_000, polling: 100 });
      const rows = await filterForExport(page, where);
      const { ms, addedPeakMiB, cpuS, download } = await exportParquet(page, profile);
      const path = join(downloads, `${k}.parquet`);
      await download.saveAs(path);
      out.push({ rows, ms: Math.round(ms), addedPeakMiB: Math.round(addedPeakMiB), bytes: statSync(path).size, cpuS: Math.round(cpuS * 10) / 10 });
      await page.close();
    }
  } finally {
    await context.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
  return out;
}

if (process.argv[1]?.endsWith('exportChromium.ts')) {
  const runs = await measureExportInApp(resolve(process.argv[2]), process.argv[3], Number(process.argv[4] ?? 3));
  for (const r of runs) console.log(JSON.stringify(r));
  console.log(JSON.stringify({ where: process.argv[3], rows: runs[0].rows, medianMs: median(runs.map((r) => r.ms)), medianAddedPeakMiB: median(runs.map((r) => r.addedPeakMiB)), medianCpuS: median(runs.map((r) => r.cpuS)) }));
}
