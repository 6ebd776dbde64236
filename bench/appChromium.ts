import type { BrowserContext, Page } from '@playwright/test';
import { withBrowser } from './browser';
import { pssMiB, samplePeak } from './tabMemory';

export interface AppFigures {
  file: string;
  openMs: number;
  indexMs: number;
  emptyTabMiB: number;
  openPeakAddedMiB: number;
  openSteadyAddedMiB: number;
  chunk5Row1000Ms: number;
  row37MMs?: number;
  longestTaskMs: number;
}

async function longestTask(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __longest: number }).__longest ?? 0);
}

/** A page of the app with a long-task observer, loaded and settled: the empty-tab baseline. */
async function appPage(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.__longest = Math.max(w.__longest, e.duration)))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(origin);
  await page.getByRole('button', { name: 'Open sample' }).waitFor();
  await page.waitForTimeout(500);
  return page;
}

/** Drives the built app (dist/) in headless Chromium over each file and reads its own timings. */
export async function measureInChromium(files: { path: string; chunkRows: number }[]): Promise<AppFigures[]> {
  return withBrowser(async (context, profile, origin) => {
    const out: AppFigures[] = [];
    for (const { path: file, chunkRows } of files) {
      const page = await appPage(context, origin);
      const emptyTabMiB = pssMiB(profile);
      await page.evaluate('window.__longest = 0'); // page load itself is not a user step
      const stop = samplePeak(profile);
      await page.getByTestId('file-input').setInputFiles(file);
      const overview = page.getByTestId('overview');
      await page.waitForFunction(() => /Indexed in[\d.]+ ms/.test(document.querySelector('[data-testid=overview]')?.textContent ?? ''), null, { timeout: 120_000, polling: 50 });
      const text = (await overview.textContent()) ?? '';
      const openMs = Number(text.match(/Opened in([\d.]+) ms/)?.[1]);
      const indexMs = Number(text.match(/Indexed in([\d.]+) ms/)?.[1]);
      const openPeakAddedMiB = stop() - emptyTabMiB;
      await page.waitForTimeout(1000);
      const openSteadyAddedMiB = pssMiB(profile) - emptyTabMiB;

      await page.getByRole('tab', { name: 'Data' }).click();
      await page.getByTestId('grid').getByRole('gridcell').first().filter({ hasNotText: '…' }).waitFor();
      // Timed inside the page: from the Enter keydown to the frame where the target cell shows its value.
      const goto = async (where: string, ariaRow: number) => {
        await page.getByTestId('goto').fill(where);
        // A string, not a function: tsx's name-keeping helper does not exist inside the page.
        const done = page.evaluate(`new Promise((resolve) => {
          let t0 = 0;
          document.addEventListener('keydown', (e) => { if (e.key === 'Enter') t0 = performance.now(); }, { capture: true, once: true });
          (function tick() {
            const cell = document.querySelector('[aria-rowindex="${ariaRow}"] [role=gridcell]');
            if (t0 && cell && cell.textContent !== '…') resolve(performance.now() - t0);
            else requestAnimationFrame(tick);
          })();
        })`) as Promise<number>;
        await page.getByTestId('goto').press('Enter');
        return Math.round(await done);
      };
      const rows = Number(text.match(/Rows([\d,]+)/)?.[1].replace(/,/g, ''));
      const row = Math.min(1000, chunkRows - 1);
      const chunk5Row1000Ms = await goto(`5:${row}`, 5 * chunkRows + row + 1);
      const row37MMs = rows > 37_000_000 ? await goto('37000000', 37_000_001) : undefined;
      out.push({ file, openMs, indexMs, emptyTabMiB, openPeakAddedMiB, openSteadyAddedMiB, chunk5Row1000Ms, row37MMs, longestTaskMs: await longestTask(page) });
      await page.close();
    }
    return out;
  });
}

export interface UniqueInAppFigures {
  column: string;
  seconds: number;
  distinct: string;
  peakAddedMiB: number;
  longestTaskMs: number;
}

/** Unique of each column through the app's Unique view, with peak tab memory above an empty tab. */
export async function measureUniqueInChromium(path: string, columns: string[]): Promise<UniqueInAppFigures[]> {
  return withBrowser(async (context, profile, origin) => {
    const out: UniqueInAppFigures[] = [];
    const page = await appPage(context, origin);
    const emptyTabMiB = pssMiB(profile);
    await page.getByTestId('file-input').setInputFiles(path);
    await page.getByRole('tab', { name: 'Unique' }).click();
    for (const column of columns) {
      await page.evaluate('window.__longest = 0');
      await page.getByLabel('Column to count').selectOption({ value: String(await page.evaluate(`[...document.querySelectorAll('[aria-label="Column to count"] option')].findIndex(o => o.textContent.startsWith('${column} '))`)) });
      const stop = samplePeak(profile);
      await page.getByRole('button', { name: 'Count unique values' }).click();
      await page.getByTestId('unique-summary').waitFor({ timeout: 300_000 });
      const peak = stop();
      const text = (await page.getByTestId('unique-summary').textContent()) ?? '';
      out.push({
        column,
        seconds: Number(text.match(/in ([\d.]+) s/)?.[1]),
        distinct: text.match(/([\d,]+) distinct( \(estimate\))?/)?.[0] ?? '',
        peakAddedMiB: peak - emptyTabMiB,
        longestTaskMs: await longestTask(page),
      });
    }
    return out;
  });
}
