import { expect, test, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeManyEmptyBatches, writeWideArrow, writeWideParquet } from '../scripts/gen/scaleFiles';

const WIDE_STREAM = join(tmpdir(), 'arrowscope-e2e-100k-fields.arrows');
const WIDE_PARQUET = join(tmpdir(), 'arrowscope-e2e-100k-fields.parquet');
const MANY_BATCHES = join(tmpdir(), 'arrowscope-e2e-1m-batches.arrows');

test.beforeAll(async () => {
  test.setTimeout(120_000);
  if (!existsSync(WIDE_STREAM)) await writeWideArrow(WIDE_STREAM);
  if (!existsSync(WIDE_PARQUET)) await writeWideParquet(WIDE_PARQUET);
  if (!existsSync(MANY_BATCHES)) await writeManyEmptyBatches(MANY_BATCHES);
});

async function open(page: Page, file: string, columns: string) {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(file);
  await expect(page.getByTestId('overview')).toContainText(columns);
}

for (const [kind, file] of [
  ['Arrow stream', WIDE_STREAM],
  ['Parquet file', WIDE_PARQUET],
] as const) {
  test(`a 100,000-column ${kind}: the Data view shows the first columns' values, the Schema view scrolls to the last field`, async ({ page }) => {
    await open(page, file, '100,000');
    await page.getByRole('tab', { name: 'Data' }).click();
    const grid = page.getByTestId('grid');
    await expect(grid.getByRole('columnheader', { name: /c00000/ })).toBeVisible();
    // Row 0 of column c (c00000, c00001, …) holds c * 10.
    const first = grid.locator('[aria-rowindex="1"]').getByRole('gridcell');
    await expect(first.nth(0)).toHaveText('0');
    await expect(first.nth(1)).toHaveText('10');
    await expect(first.nth(2)).toHaveText('20');
    // Only the columns on screen are in the page.
    expect(await grid.getByRole('columnheader').count()).toBeLessThan(60);

    await page.getByText('Columns', { exact: true }).click();
    await page.getByLabel('Find a column').fill('c99999');
    await page.getByRole('button', { name: 'Show only c99999' }).click();
    await expect(grid.locator('[aria-rowindex="2"]').getByRole('gridcell').first()).toHaveText('999991');

    await page.getByRole('tab', { name: 'Schema' }).click();
    const schema = page.getByTestId('schema');
    await expect(schema).toContainText('c00000');
    expect(await schema.getByRole('treeitem').count()).toBeLessThan(200);
    await page.getByRole('region', { name: 'Schema and metadata' }).evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(schema.getByRole('treeitem', { name: /c99999/ })).toBeVisible();
    await expect(schema.getByRole('treeitem', { name: /c99999/ })).toHaveAttribute('aria-posinset', '100000');
  });
}

/**
 * Records the engine worker's Comlink calls and answers in the page (`window.__engineLog`); once the
 * Overview's column summary answers partly counted (a chunk of 100,000 columns takes several steps),
 * clicks the Data tab in that same task, so the summary is left unfinished whatever the machine's speed.
 */
function logEngineAndLeaveOverviewMidSummary() {
  type Entry = { call: string; complete?: boolean; partial?: boolean; ok: boolean };
  const w = window as unknown as { __engineLog: Entry[]; Worker: typeof Worker };
  w.__engineLog = [];
  const Native = w.Worker;
  let left = false;
  w.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (options?.name !== 'arrowscope-engine') return;
      const calls = new Map<unknown, string>();
      const post = this.postMessage.bind(this) as (m: unknown, t?: Transferable[]) => void;
      this.postMessage = ((m: { id?: unknown; type?: string; path?: string[] }, t?: Transferable[]) => {
        if (m?.type === 'APPLY' && m.path) calls.set(m.id, m.path.join('.'));
        post(m, t);
      }) as Worker['postMessage'];
      this.addEventListener('message', (e: MessageEvent) => {
        const call = calls.get(e.data?.id);
        if (!call) return;
        calls.delete(e.data.id);
        const answer = e.data.value as { ok: boolean; value?: { complete?: boolean; columnsOfChunk?: unknown } };
        const entry: Entry = { call, ok: answer?.ok };
        if (call === 'columnSummary') Object.assign(entry, { complete: answer.value?.complete, partial: !!answer.value?.columnsOfChunk });
        w.__engineLog.push(entry);
        if (entry.partial && !left) {
          left = true;
          [...document.querySelectorAll<HTMLElement>('[aria-label="Views"] [role=tab]')].find((b) => b.textContent === 'Data')?.click();
        }
      });
    }
  };
}

for (const [kind, file] of [
  ['Arrow stream', WIDE_STREAM],
  ['Parquet file', WIDE_PARQUET],
] as const) {
  test(`a 100,000-column ${kind}: the Data view shows the first columns' values while the Overview's column summary is unfinished, which ends once the Overview is back`, async ({ page }) => {
    await page.addInitScript(logEngineAndLeaveOverviewMidSummary);
    type Entry = { call: string; complete?: boolean; partial?: boolean; ok: boolean };
    const log = () => page.evaluate(() => (window as unknown as { __engineLog: Entry[] }).__engineLog);
    await page.goto('./');
    await page.getByTestId('file-input').setInputFiles(file);
    // So wide a file is not summarized on open: nothing is asked for until the button is clicked.
    const summarize = page.getByRole('button', { name: 'Summarize all 100,000 columns (reads the metadata of every column chunk)' });
    await expect(summarize).toBeVisible();
    expect((await log()).some((e) => e.call === 'columnSummary')).toBe(false);
    await summarize.click();
    // The init script clicks Data as soon as the column summary answers partly counted (the Overview
    // may be gone before a check of its text could run, so none is made here).
    await expect(page.getByRole('tab', { name: 'Data' })).toHaveAttribute('aria-selected', 'true', { timeout: 30_000 });
    const first = page.getByTestId('grid').locator('[aria-rowindex="1"]').getByRole('gridcell');
    await expect(first.nth(0)).toHaveText('0');
    await expect(first.nth(2)).toHaveText('20');
    const shown = await log();
    const rowsAnswered = shown.findIndex((e) => e.call === 'rows' && e.ok);
    expect(rowsAnswered).toBeGreaterThan(-1);
    expect(shown.filter((e) => e.call === 'columnSummary').length).toBeGreaterThan(0);
    expect(shown.some((e) => e.call === 'columnSummary' && e.complete)).toBe(false);

    await page.getByRole('tab', { name: 'Overview' }).click();
    await expect(page.getByTestId('column-summary-status')).toContainText('From the', { timeout: 60_000 });
    await expect(page.getByTestId('column-summary')).toContainText('c00000');
    expect((await log()).some((e) => e.call === 'columnSummary' && e.complete)).toBe(true);
  });
}

test('1,000,000 empty record batches: the chunk list pages to the last batch', async ({ page }) => {
  await open(page, MANY_BATCHES, '1,000,000');
  await page.getByRole('tab', { name: 'Chunks' }).click();
  const list = page.getByTestId('chunk-list');
  await expect(list.getByRole('row').first().getByRole('gridcell').nth(1)).toHaveText('0');
  // Scaled like the data grid: 1,000,000 rows of 28 px would pass Firefox's element height limit (and Chrome's a little further).
  expect(await list.evaluate((el) => el.scrollHeight)).toBeLessThanOrEqual(8_000_000);
  await list.focus();
  await page.keyboard.press('End');
  const last = list.locator('[aria-rowindex="1000001"]');
  await expect(last.getByRole('gridcell').first()).toHaveText('999999');
  await expect(last.getByRole('gridcell').nth(1)).toHaveText('0');
  await expect(page.getByTestId('chunk-detail')).toContainText('Batch 999999: 0 rows');
});
