/**
 * The built app driven in headless Chromium, each step timed inside the page from the user's action
 * (file chosen, URL submitted, Enter in "Go to row", click on Count) to the answer on screen.
 */
import type { Page } from '@playwright/test';
import type { Session } from './browserSession';

export interface Timed {
  ms: number;
  /** Longest main-thread task (PerformanceObserver 'longtask') during the step; 0 when none over 50 ms. */
  longestTaskMs: number;
  note?: string;
}

/**
 * In the page before the app: a long-task observer, and the times from the file being chosen (or the
 * URL form submitted) to the first frame where the Overview shows "Opened in" (schema and chunk count
 * on screen) and "Indexed in" (every chunk known).
 */
const INIT = `(() => {
  const b = (window.__bench = { longest: 0, t0: 0, schema: 0, index: 0 });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => (b.longest = Math.max(b.longest, e.duration)))).observe({ type: 'longtask', buffered: true });
  const poll = () => {
    const text = document.querySelector('[data-testid=overview]')?.textContent ?? '';
    const now = performance.now() - b.t0;
    if (!b.schema && /Opened in[\\d.]+ ms/.test(text)) b.schema = now;
    if (!b.index && /Indexed in[\\d.]+ ms/.test(text)) b.index = now;
    if (!b.index) requestAnimationFrame(poll);
  };
  const start = () => { b.t0 = performance.now(); b.schema = 0; b.index = 0; requestAnimationFrame(poll); };
  document.addEventListener('change', (e) => { if (e.target.matches?.('[data-testid=file-input]')) start(); }, true);
  document.addEventListener('submit', () => start(), true);
})()`;

/**
 * The longest task since the reset. A long task's entry is delivered after the task ends, often after
 * the step's answer was seen (the frame that painted it is that task): read two frames and a task later.
 */
async function longest(page: Page): Promise<number> {
  return (await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(window.__bench.longest), 0))))')) as number;
}

async function resetLongest(page: Page): Promise<void> {
  await page.evaluate('window.__bench.longest = 0');
}

/** Without a save dialog the app's Export… writes to the origin private file system and hands the file to the downloads. */
export const NO_SAVE_DIALOG = `Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true })`;

/**
 * A fresh page of the app (`app1`: the build whose compute pool has one worker), loaded and settled;
 * `init`: more script run in the page before the app (NO_SAVE_DIALOG).
 */
export async function appPage(s: Session, build: 'app' | 'app1' = 'app', init?: string): Promise<Page> {
  const page = await s.context.newPage();
  await page.addInitScript(INIT);
  if (init) await page.addInitScript(init);
  await page.goto(`${s.server.origin}/${build}/`);
  await page.getByRole('button', { name: 'Open sample' }).waitFor();
  await page.waitForTimeout(300);
  await resetLongest(page); // page load itself is not a user step
  return page;
}

export interface OpenTimes {
  schema: Timed;
  index: Timed;
}

/** Chooses a local file (or submits a URL) and waits for the whole index. */
export async function appOpen(page: Page, source: { path: string } | { url: string }, timeoutMs = 180_000): Promise<OpenTimes> {
  await resetLongest(page);
  if ('path' in source) await page.getByTestId('file-input').setInputFiles(source.path);
  else {
    await page.getByLabel('File URL').fill(source.url);
    await page.getByRole('button', { name: 'Open URL' }).click();
  }
  // Not waitForFunction: the app's Content-Security-Policy forbids the eval it uses for a string.
  await page.evaluate(`new Promise((resolve, reject) => {
    const until = performance.now() + ${timeoutMs};
    (function check() {
      if (window.__bench.index > 0) resolve(0);
      else if (performance.now() > until) reject(new Error('not indexed after ${timeoutMs / 1000} s'));
      else setTimeout(check, 20);
    })();
  })`);
  const b = (await page.evaluate('window.__bench')) as { schema: number; index: number; longest: number };
  return { schema: { ms: b.schema, longestTaskMs: b.longest }, index: { ms: b.index, longestTaskMs: b.longest } };
}

/** The Data view with its first row on screen. */
export async function appData(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByTestId('grid').getByRole('gridcell').first().filter({ hasNotText: '…' }).waitFor();
}

/**
 * "Go to row" `where` (N or chunk:row), timed from the Enter keydown to the first frame where every
 * cell of grid row `ariaRow` (1-based) shows its value; the note says how many cells that was.
 */
export async function appGoto(page: Page, where: string, ariaRow: number): Promise<Timed> {
  await resetLongest(page);
  await page.getByTestId('goto').fill(where);
  // A string, not a function: tsx's name-keeping helper does not exist inside the page.
  const done = page.evaluate(`new Promise((resolve) => {
    let t0 = 0;
    document.addEventListener('keydown', (e) => { if (e.key === 'Enter') t0 = performance.now(); }, { capture: true, once: true });
    (function tick() {
      const cells = [...document.querySelectorAll('[aria-rowindex="${ariaRow}"] [role=gridcell]')];
      if (t0 && cells.length && cells.every((c) => c.textContent !== '…')) resolve([performance.now() - t0, cells.length]);
      else requestAnimationFrame(tick);
    })();
  })`) as Promise<[number, number]>;
  await page.getByTestId('goto').press('Enter');
  const [ms, cells] = await done;
  return { ms, longestTaskMs: await longest(page), note: `${cells} cells` };
}

/** Unique values of one column through the Unique view: the app's own time from click to merged result. */
export async function appUnique(page: Page, column: string): Promise<Timed & { distinct: string }> {
  await page.getByRole('tab', { name: 'Unique' }).click();
  const option = await page.evaluate(`[...document.querySelectorAll('[aria-label="Column to count"] option')].findIndex(o => o.textContent.startsWith('${column} '))`);
  await page.getByLabel('Column to count').selectOption({ value: String(option) });
  await resetLongest(page);
  await page.getByRole('button', { name: 'Count unique values' }).click();
  await page.getByTestId('unique-summary').waitFor({ timeout: 600_000 });
  const text = (await page.getByTestId('unique-summary').textContent()) ?? '';
  const distinct = text.match(/([\d,]+) distinct( \(estimate\))?/)?.[0] ?? '';
  return { ms: Number(text.match(/in ([\d.]+) s/)?.[1]) * 1000, longestTaskMs: await longest(page), distinct, note: distinct };
}
