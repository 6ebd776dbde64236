/**
 * `npm run bench -- --only FILTER`: the filter count and the top-10 sort, ours in the app beside the peers,
 * interleaved round by round in the harness's one browser session. Each step is timed from the user's
 * action with the file already open (ours: opened and indexed; DuckDB-Wasm: started, file registered;
 * apache-arrow: the whole stream read into a table first, its read time in the note).
 */
import type { Page } from '@playwright/test';
import { appData, appOpen, appPage, type Timed } from './appChromium';
import { interleave, type Results } from './compare';
import type { Session } from './browserSession';
import { FILTER_TIMER } from './filterChromium';
import { peerCall, peerPage } from './peersChromium';

const WHERE = "cand_nm = 'Obama, Barack'";
export const FILTER_STEPS = { count: "count cand_nm = 'Obama, Barack'", first: "cand_nm = 'Obama, Barack': first matches painted", top: 'top-10 by contb_receipt_amt desc' };

/** The app's filter box: Enter → final count (and first matches painted). */
async function appFilter(page: Page): Promise<{ count: Timed; first: Timed }> {
  const overview = (await page.getByTestId('overview').textContent()) ?? '';
  const totalRows = Number(overview.match(/Rows([\d,]+)/)?.[1].replace(/,/g, ''));
  await appData(page);
  await page.getByTestId('filter-text').fill(WHERE);
  await page.evaluate('window.__bench.longest = 0');
  const timed = page.evaluate(FILTER_TIMER(totalRows)) as Promise<{ first: number; final: number; status: string }>;
  await page.getByTestId('filter-text').press('Enter');
  const { first, final, status } = await timed;
  const longestTaskMs = (await page.evaluate('window.__bench.longest')) as number;
  const matched = status.match(/([\d,]+) matching/)?.[1] ?? '?';
  return { count: { ms: final, longestTaskMs, note: `${matched} rows` }, first: { ms: first, longestTaskMs } };
}

/** The header menu's "Sort descending" (as e2e/sort.spec.ts clicks it): click → first row painted in the sorted order. */
async function appSortDesc(page: Page, column: string): Promise<Timed> {
  await appData(page);
  const grid = page.getByTestId('grid');
  const button = page.getByRole('button', { name: `Menu of ${column}`, exact: true });
  for (let i = 0; i < 40 && (await button.count()) === 0; i++) await grid.evaluate((el) => (el.scrollLeft += 300));
  await button.click();
  await page.evaluate('window.__bench.longest = 0');
  const done = page.evaluate(`new Promise((resolve) => {
    let t0 = 0;
    document.addEventListener('click', () => { t0 = performance.now(); }, { capture: true, once: true });
    (function tick() {
      const status = document.querySelector('[data-testid=sort-status]')?.textContent ?? '';
      const cells = [...document.querySelectorAll('[data-testid=grid] [aria-rowindex="1"] [role=gridcell]')];
      if (t0 && /^Sorted by/.test(status) && cells.length && cells.every((c) => c.textContent !== '…')) resolve([performance.now() - t0, status]);
      else if (t0 && performance.now() - t0 > 600000) resolve([-1, status]);
      else requestAnimationFrame(tick);
    })();
  })`) as Promise<[number, string]>;
  await page.getByRole('menuitem', { name: 'Sort descending', exact: true }).click();
  const [ms, status] = await done;
  if (ms < 0) throw new Error(`not sorted after 600 s: ${status}`);
  return { ms, longestTaskMs: (await page.evaluate('window.__bench.longest')) as number, note: status.replace(/^Sorted by \S+ ↓ — /, '') };
}

export async function runFilterPart(s: Session, results: Results, files: { W1: string; W2: string }, reps: number, warm: (path: string) => string): Promise<string[]> {
  const add = (step: string, who: string, t: Timed) => results.add(step, who, t);
  const warmed = [warm(files.W2), warm(files.W1)];
  const page = async (f: (p: Page) => Promise<void>, open: () => Promise<Page>) => {
    const p = await open();
    try {
      await f(p);
    } finally {
      if (!p.isClosed()) await p.close();
    }
  };
  const ours = (id: 'W1' | 'W2') => ({
    name: `ours ${id}`,
    run: async () => {
      await page(async (p) => {
        await appOpen(p, { path: files[id] });
        const f = await appFilter(p);
        add(`${id} ${FILTER_STEPS.count}`, 'ours', f.count);
        add(`${id} ${FILTER_STEPS.first}`, 'ours', f.first);
      }, () => appPage(s));
      await page(async (p) => {
        await appOpen(p, { path: files[id] });
        add(`${id} ${FILTER_STEPS.top}`, 'ours', await appSortDesc(p, 'contb_receipt_amt'));
      }, () => appPage(s));
    },
  });
  await interleave(
    reps,
    [
      ours('W2'),
      {
        name: 'DuckDB-Wasm',
        run: () =>
          page(async (p) => {
            await peerCall(p, 'duckdbOpen()');
            const count = await peerCall<{ first: { c: number } }>(p, `duckdbQuery("SELECT count(*) AS c FROM FILE WHERE cand_nm = 'Obama, Barack'")`);
            add(`W2 ${FILTER_STEPS.count}`, 'DuckDB-Wasm', { ...count, note: `${count.result.first.c} rows` });
            add(`W2 ${FILTER_STEPS.top}`, 'DuckDB-Wasm', await peerCall(p, 'duckdbQuery("SELECT * FROM FILE ORDER BY contb_receipt_amt DESC LIMIT 10")'));
            await peerCall(p, 'duckdbClose()');
          }, () => peerPage(s, files.W2)),
      },
      ours('W1'),
      {
        name: 'apache-arrow',
        run: () =>
          page(async (p) => {
            const open = await peerCall(p, 'arrowOpen()');
            const read = await peerCall(p, 'arrowReadAll()');
            const count = await peerCall<{ matched: number }>(p, `arrowCount("cand_nm", "Obama, Barack")`);
            add(`W1 ${FILTER_STEPS.count}`, 'apache-arrow', { ...count, note: `${count.result.matched} rows, after reading the stream in ${((open.ms + read.ms) / 1000).toFixed(1)} s` });
          }, () => peerPage(s, files.W1)),
      },
    ],
    results,
    `W2 ${FILTER_STEPS.count}`,
  );
  return warmed;
}
