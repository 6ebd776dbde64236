/**
 * node --import tsx bench/filterChromium.ts FILE 'WHERE' [runs]
 *   env: FILTER_DIST (built app, default dist/), FILTER_PORT (default 4185), CHROMIUM_PATH, FILTER_VIEWPORT (WxH, default 2400x1300 as npm run bench)
 *
 * A filter typed into the built app's Data view in headless Chromium, over FILE, `runs` times (3), each
 * in a fresh page with the file opened and indexed first. Timed inside the page from the Enter keydown
 * to (1) the first frame where the grid shows the filtered view's first row with its values (the first
 * matches painted) and (2) the frame where the status says the count is final; also the app's own
 * elapsed time, its thread count and the count, and the CPU seconds of the Chromium tree from Enter to
 * the final status (the wall time on a machine others load too says little alone). Prints one JSON line
 * per run, then the medians.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { preview } from 'vite';
import { cpuSeconds } from './exportChromium';
import { median } from './median';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface FilterInApp {
  matched: number;
  firstPaintMs: number;
  finalMs: number;
  appSeconds: number;
  threads: number;
  status: string;
  /** CPU seconds (user + system, every thread) of the Chromium tree from Enter to the final status. */
  cpuS: number;
}

async function withApp<T>(f: (context: BrowserContext, origin: string, profile: string) => Promise<T>): Promise<T> {
  const port = Number(process.env.FILTER_PORT ?? 4185);
  const outDir = resolve(process.env.FILTER_DIST ?? 'dist');
  const server = await preview({ build: { outDir }, preview: { port, strictPort: true }, logLevel: 'silent' });
  const profile = mkdtempSync(join(tmpdir(), 'arrowscope-filter-'));
  const [width, height] = (process.env.FILTER_VIEWPORT ?? '2400x1300').split('x').map(Number); // npm run bench's viewport
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS, headless: true, viewport: { width, height } });
  try {
    return await f(context, `http://localhost:${port}/`, profile);
  } finally {
    await context.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}

/** In the page: from Enter to the first filtered row painted and to the final status (a string: tsx's helpers do not exist in the page). */
export const FILTER_TIMER = (totalRows: number) => `new Promise((resolve) => {
  let t0 = 0, first = 0, final = 0;
  document.addEventListener('keydown', (e) => { if (e.key === 'Enter') t0 = performance.now(); }, { capture: true, once: true });
  (function tick() {
    if (t0) {
      const grid = document.querySelector('[data-testid=grid]');
      const status = document.querySelector('[data-testid=filter-status]')?.textContent ?? '';
      const row = grid?.querySelector('[aria-rowindex="1"]');
      const filtered = grid && Number(grid.getAttribute('aria-rowcount')) !== ${totalRows} && /matching rows? of/.test(status);
      if (!first && filtered && row && row.querySelector('.dg-rownum')?.textContent !== '…' && ![...row.querySelectorAll('[role=gridcell]')].some((c) => c.textContent === '…')) first = performance.now() - t0;
      if (!final && / in [\\d.]+ s/.test(status)) final = performance.now() - t0;
      // the first matches may be painted after the count is final (matches far into the file)
      if (final && (first || performance.now() - t0 > final + 60000)) return resolve({ first, final, status });
    }
    requestAnimationFrame(tick);
  })();
})`;

export async function measureFilterInApp(file: string, where: string, runs = 3): Promise<FilterInApp[]> {
  return withApp(async (context, origin, profile) => {
    const out: FilterInApp[] = [];
    for (let k = 0; k < runs; k++) {
      const page = await context.newPage();
      await page.goto(origin);
      await page.getByRole('button', { name: 'Open sample' }).waitFor();
      await page.getByTestId('file-input').setInputFiles(file);
      await page.waitForFunction(() => /Indexed in[\d.]+ ms/.test(document.querySelector('[data-testid=overview]')?.textContent ?? ''), null, { timeout: 300_000, polling: 100 });
      const overview = (await page.getByTestId('overview').textContent()) ?? '';
      const totalRows = Number(overview.match(/Rows([\d,]+)/)?.[1].replace(/,/g, ''));
      await page.getByRole('tab', { name: 'Data' }).click();
      await page.getByTestId('grid').getByRole('gridcell').first().filter({ hasNotText: '…' }).waitFor();
      await page.getByTestId('filter-text').fill(where);
      const timed = page.evaluate(FILTER_TIMER(totalRows)) as Promise<{ first: number; final: number; status: string }>;
      const cpuBefore = cpuSeconds(profile);
      await page.getByTestId('filter-text').press('Enter');
      const { first, final, status } = await timed;
      const cpuS = Math.round((cpuSeconds(profile) - cpuBefore) * 100) / 100;
      out.push({
        matched: Number(status.match(/([\d,]+) matching/)?.[1].replace(/,/g, '')),
        firstPaintMs: Math.round(first),
        finalMs: Math.round(final),
        appSeconds: Number(status.match(/ in ([\d.]+) s/)?.[1]),
        threads: Number(status.match(/on (\d+) threads/)?.[1] ?? 1),
        status,
        cpuS,
      });
      await page.close();
    }
    return out;
  });
}

if (process.argv[1]?.endsWith('filterChromium.ts')) {
  const runs = await measureFilterInApp(resolve(process.argv[2]), process.argv[3], Number(process.argv[4] ?? 3));
  for (const r of runs) console.log(JSON.stringify(r));
  console.log(JSON.stringify({ where: process.argv[3], matched: runs[0].matched, medianFirstPaintMs: median(runs.map((r) => r.firstPaintMs)), medianFinalMs: median(runs.map((r) => r.finalMs)), medianAppSeconds: median(runs.map((r) => r.appSeconds)), medianCpuS: median(runs.map((r) => r.cpuS)) }));
}
