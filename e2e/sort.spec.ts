import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { FEC_ROWS, fecBatches } from '../scripts/gen/fecTable';
import { corpus, MULTI_GB_FILE } from './paths';
import { type Row, SAMPLE, grouped, linkParams, openSampleData } from './sample';

/**
 * The Data view's sort, chosen from a column header's menu, against an order computed here from a
 * plain read of the same file with apache-arrow (public/sample.arrow: 4,000 FEC rows in 4 batches):
 * nulls last, ties in file order, strings by their bytes.
 */

function compare(a: unknown, b: unknown, desc: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const c = typeof a === 'string' ? Buffer.compare(Buffer.from(a), Buffer.from(b as string)) : (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  return desc ? -c : c;
}

/** File rows of the rows passing `keep`, in the order of `keys` ([column, descending]). */
function order(keys: [string, boolean][], keep: (r: Row) => boolean = () => true): number[] {
  return SAMPLE.flatMap((r, i) => (keep(r) ? [i] : [])).sort((x, y) => {
    for (const [k, desc] of keys) {
      const c = compare(SAMPLE[x][k], SAMPLE[y][k], desc);
      if (c) return c;
    }
    return x - y;
  });
}

const sortStatus = (page: Page) => page.getByTestId('sort-status');
const filterBox = (page: Page) => page.getByTestId('filter-text');

/** Opens a column header's menu (scrolling the grid right until the column is drawn) and picks `item`. */
async function headerMenu(page: Page, column: string, item: string) {
  const grid = page.getByTestId('grid');
  const button = page.getByRole('button', { name: `Menu of ${column}`, exact: true });
  // The grid may move meanwhile (mounted again by a filter run starting, or a sort's jump to its first
  // row revealing the sorted column once the rows are in): each attempt scrolls from the first column.
  await expect(async () => {
    await grid.evaluate((el) => (el.scrollLeft = 0));
    for (let i = 0; i < 30 && (await button.count()) === 0; i++) await grid.evaluate((el) => (el.scrollLeft += 300));
    await button.click({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

/** The grid's first `n` rows: the row-number cell and the contributor's name (a column on the left). */
async function firstRows(page: Page, n: number) {
  const grid = page.getByTestId('grid');
  const header = grid.locator('.dg-head-cell').filter({ hasText: 'contbr_nm' });
  // Again until it holds: a new sort run mounts its grid a task or two after the status says sorted, at
  // the horizontal place the view had, and a scroll made before that is on the grid it replaced.
  await expect(async () => {
    await grid.evaluate((el) => (el.scrollLeft = 0));
    await expect(header).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const colindex = await header.getAttribute('aria-colindex');
  const rows = grid.locator('.dg-row');
  await expect(rows.nth(n - 1).locator('.dg-rownum')).not.toHaveText('…');
  await expect(rows.nth(n - 1).locator(`[aria-colindex="${colindex}"]`)).not.toHaveText('…');
  const out: [string, string][] = [];
  for (let i = 0; i < n; i++) {
    const row = rows.nth(i);
    out.push([(await row.locator('.dg-rownum').textContent())!, (await row.locator(`[aria-colindex="${colindex}"]`).textContent())!]);
  }
  return out;
}

const expected = (rows: number[], n: number) => rows.slice(0, n).map((r) => [grouped(r), String(SAMPLE[r].contbr_nm)]);

test('Sort descending from a header menu: the rows in that order with their file row numbers, the arrow in the header; go to; clear', async ({ page }) => {
  await openSampleData(page);
  const rows = order([['contb_receipt_amt', true]]);
  await headerMenu(page, 'contb_receipt_amt', 'Sort descending');
  await expect(sortStatus(page)).toContainText('Sorted by contb_receipt_amt ↓ — 4,000 rows');
  expect(await firstRows(page, 8)).toEqual(expected(rows, 8));
  await expect(page.getByTestId('grid-status')).toContainText(`Sorted row 1 of 4,000 · row ${grouped(rows[0])}`);
  await expect.poll(async () => (await linkParams(page)).order).toBe('contb_receipt_amt:desc');
  await page.getByTestId('grid').evaluate((el) => (el.scrollLeft = 100_000));
  await expect(page.locator('.dg-head-cell[aria-sort="descending"]')).toContainText('contb_receipt_amt');
  await expect(page.locator('.dg-head-cell[aria-sort="descending"]').getByTestId('sort-mark')).toHaveText('↓');

  // Go to a file row: its place in this order.
  await page.getByTestId('goto').fill(String(rows[20]));
  await page.getByTestId('goto').press('Enter');
  await expect(page.getByTestId('grid-status')).toHaveText(`Row ${grouped(rows[20])} is row 21 in this order.`);
  await expect(page.getByTestId('cell-detail')).toContainText(`row ${grouped(rows[20])}:`);

  // Clear sort: file order again, at the row the cursor was on.
  await page.getByRole('button', { name: 'Clear sort' }).click();
  await expect(sortStatus(page)).toHaveCount(0);
  await expect(page.getByTestId('grid-status')).toContainText(`Row ${grouped(rows[20])} of 4,000`);
  await page.getByTestId('goto').fill('0');
  await page.getByTestId('goto').press('Enter');
  expect(await firstRows(page, 4)).toEqual(expected([0, 1, 2, 3], 4));
  await expect.poll(async () => (await linkParams(page)).order).toBeUndefined();
});

test('A unique value\'s first row, clicked, is shown at its place in the sorted view', async ({ page }) => {
  await openSampleData(page);
  await headerMenu(page, 'contb_receipt_amt', 'Sort descending');
  await expect(sortStatus(page)).toContainText('Sorted by contb_receipt_amt ↓ — 4,000 rows');
  const rows = order([['contb_receipt_amt', true]]);
  const first = SAMPLE.findIndex((r) => r.cand_nm === 'Romney, Mitt');
  await page.getByRole('tab', { name: 'Unique' }).click();
  await page.getByLabel('Column to count').selectOption({ label: 'cand_nm (string)' });
  await page.getByRole('button', { name: 'Count unique values' }).click();
  await page.getByLabel('Search values').fill('romney');
  await expect(page.getByTestId('unique-list').getByRole('row')).toHaveCount(1);
  await page.getByTestId('unique-list').getByRole('row').first().click();
  await expect(page.getByRole('tab', { name: 'Data', selected: true })).toBeVisible();
  await expect(page.getByTestId('grid-status')).toContainText(`Sorted row ${grouped(rows.indexOf(first) + 1)} of 4,000 · row ${grouped(first)}`);
  await expect(page.getByTestId('cell-detail')).toContainText(`row ${grouped(first)}: Romney, Mitt`);
});

test('Several keys: "Add to sort" makes a secondary key, numbered in the headers', async ({ page }) => {
  await openSampleData(page);
  await headerMenu(page, 'cand_nm', 'Sort ascending');
  await expect(sortStatus(page)).toContainText('Sorted by cand_nm ↑ — 4,000 rows');
  await headerMenu(page, 'contb_receipt_amt', 'Add to sort (descending)');
  await expect(sortStatus(page)).toContainText('Sorted by cand_nm ↑, contb_receipt_amt ↓ — 4,000 rows');
  const rows = order([
    ['cand_nm', false],
    ['contb_receipt_amt', true],
  ]);
  expect(await firstRows(page, 10)).toEqual(expected(rows, 10));
  // Further down, where the first candidate's rows give way to the next one's.
  const firstOther = rows.findIndex((r) => SAMPLE[r].cand_nm !== SAMPLE[rows[0]].cand_nm);
  await page.getByTestId('goto').fill(String(rows[firstOther]));
  await page.getByTestId('goto').press('Enter');
  await expect(page.getByTestId('grid-status')).toHaveText(`Row ${grouped(rows[firstOther])} is row ${grouped(firstOther + 1)} in this order.`);
  await expect(page.locator('.dg-head-cell[aria-sort="ascending"]').getByTestId('sort-mark')).toHaveText('↑1');
  await expect.poll(async () => (await linkParams(page)).order).toBe('cand_nm,contb_receipt_amt:desc');
  // The sort bar and the sorted headers pass axe-core (no serious or critical violation).
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="sort-bar"]').include('.dg-header').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('Sort on a filtered view: the matches sorted; a new filter is sorted again; clearing the sort gives the filter order back', async ({ page }) => {
  await openSampleData(page);
  await filterBox(page).fill("contbr_st = 'CA'");
  await filterBox(page).press('Enter');
  const ca = (r: Row) => r.contbr_st === 'CA';
  const caCount = SAMPLE.filter(ca).length;
  await expect(page.getByTestId('filter-status')).toContainText(`${grouped(caCount)} matching rows of 4,000`);
  await headerMenu(page, 'contbr_nm', 'Sort ascending');
  await expect(sortStatus(page)).toContainText(`Sorted by contbr_nm ↑ — ${grouped(caCount)} matching rows`);
  expect(await firstRows(page, 6)).toEqual(expected(order([['contbr_nm', false]], ca), 6));
  await expect(page.getByTestId('grid-status')).toContainText(`Sorted match 1 of ${grouped(caCount)}`);

  const ny = (r: Row) => r.contbr_st === 'NY';
  await filterBox(page).fill("contbr_st = 'NY'");
  await filterBox(page).press('Enter');
  const nyCount = SAMPLE.filter(ny).length;
  await expect(page.getByTestId('filter-status')).toContainText(`${grouped(nyCount)} matching rows of 4,000`);
  await expect(sortStatus(page)).toContainText(`Sorted by contbr_nm ↑ — ${grouped(nyCount)} matching rows`);
  expect(await firstRows(page, 6)).toEqual(expected(order([['contbr_nm', false]], ny), 6));

  await headerMenu(page, 'contbr_nm', 'Clear sort');
  await expect(sortStatus(page)).toHaveCount(0);
  // The cursor stays on its row (the first in the sort), now at its place among the matches in file order.
  const nyRows = SAMPLE.flatMap((r, i) => (ny(r) ? [i] : []));
  const first = order([['contbr_nm', false]], ny)[0];
  await expect(page.getByTestId('grid-status')).toContainText(`Match ${nyRows.indexOf(first) + 1} of ${grouped(nyCount)} · row ${grouped(first)}`);
  await page.getByTestId('grid').press('Home');
  expect(await firstRows(page, 6)).toEqual(expected(nyRows, 6));
});

test('The share link carries the order (and the filter): opening it shows the same sorted rows', async ({ page, baseURL, context }) => {
  const remote = new URL('sample.arrow?via=sort', baseURL).href;
  await page.goto(`./#url=${encodeURIComponent(remote)}&view=data`);
  const where = "cand_nm = 'Romney, Mitt'";
  await filterBox(page).fill(where);
  await filterBox(page).press('Enter');
  await expect(page.getByTestId('filter-status')).toContainText('100% scanned');
  await headerMenu(page, 'contb_receipt_amt', 'Sort descending');
  await headerMenu(page, 'contbr_nm', 'Add to sort (ascending)');
  const keep = (r: Row) => r.cand_nm === 'Romney, Mitt';
  const rows = order(
    [
      ['contb_receipt_amt', true],
      ['contbr_nm', false],
    ],
    keep,
  );
  await expect(sortStatus(page)).toContainText(`Sorted by contb_receipt_amt ↓, contbr_nm ↑ — ${grouped(rows.length)} matching rows`);
  await expect.poll(() => linkParams(page)).toEqual({ url: remote, view: 'data', where, order: 'contb_receipt_amt:desc,contbr_nm' });
  const shown = await firstRows(page, 6);
  expect(shown).toEqual(expected(rows, 6));

  const link = await page.evaluate(() => location.href);
  const other = await context.newPage();
  await other.goto(link);
  await expect(filterBox(other)).toHaveValue(where);
  await expect(sortStatus(other)).toContainText(`Sorted by contb_receipt_amt ↓, contbr_nm ↑ — ${grouped(rows.length)} matching rows`);
  expect(await firstRows(other, 6)).toEqual(shown);
});

test('Past 10,000,000 rows: the exact first 10,000, said so, from partial top-Ks of the compute pool', async ({ page }) => {
  test.skip(!existsSync(MULTI_GB_FILE), `no multi-GB stream: ${MULTI_GB_FILE} needs 8 GiB free in the temp folder`);
  test.setTimeout(180_000);
  // The file is 12 copies of the generator's 1,001,731 rows (default seed): the top rows come from one copy's top values.
  const amounts = fecBatches(2012, FEC_ROWS, FEC_ROWS)[0].getChild('contb_receipt_amt')!.toArray() as Float64Array;
  const oneCopy = Array.from(amounts.keys()).sort((a, b) => amounts[b] - amounts[a] || a - b).slice(0, 8);
  const rows = oneCopy
    .flatMap((r) => Array.from({ length: 12 }, (_, c) => r + c * FEC_ROWS))
    .sort((a, b) => amounts[b % FEC_ROWS] - amounts[a % FEC_ROWS] || a - b)
    .slice(0, 8);
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(MULTI_GB_FILE);
  await page.getByRole('tab', { name: 'Data' }).click();
  await headerMenu(page, 'contb_receipt_amt', 'Sort descending');
  await expect(sortStatus(page)).toContainText('Sorting by contb_receipt_amt ↓');
  await expect(sortStatus(page)).toContainText(
    'Sorted by contb_receipt_amt ↓ — the first 10,000 of 12,020,772 rows: a full order is built for up to 10,000,000 rows; sort the filtered rows for one',
    { timeout: 150_000 },
  );
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-rowcount', '10000');
  const shown = await firstRows(page, 8);
  expect(shown.map(([row]) => row)).toEqual(rows.map(grouped));
});

test('Cancel stops a long sort: the rows stay in file order and the order is dropped from the link', async ({ page }) => {
  test.skip(!existsSync(MULTI_GB_FILE), `no multi-GB stream: ${MULTI_GB_FILE} needs 8 GiB free in the temp folder`);
  test.setTimeout(120_000);
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(MULTI_GB_FILE);
  await page.getByRole('tab', { name: 'Data' }).click();
  await headerMenu(page, 'contbr_nm', 'Sort ascending');
  await expect(sortStatus(page)).toContainText('Sorting by contbr_nm ↑');
  await expect.poll(async () => (await linkParams(page)).order).toBe('contbr_nm');
  await page.getByRole('button', { name: 'Cancel sort' }).click();
  await expect(sortStatus(page)).toHaveText('Sort cancelled: the rows are in file order (or the filter’s).');
  await expect.poll(async () => (await linkParams(page)).order).toBeUndefined();
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-rowcount', '12020772');
  expect((await firstRows(page, 3)).map(([row]) => row)).toEqual(['0', '1', '2']);
  await page.waitForTimeout(1000);
  await expect(sortStatus(page)).toHaveText('Sort cancelled: the rows are in file order (or the filter’s).');
});

test('After an engine worker restart, a tab’s sort (over its filter) runs again and shows the same rows', async ({ page }) => {
  await page.goto('./?wasmBudgetMiB=1');
  await page.getByRole('button', { name: 'Open sample' }).click();
  await page.getByRole('tab', { name: 'Data' }).click();
  await filterBox(page).fill("cand_nm = 'Paul, Ron'");
  await filterBox(page).press('Enter');
  await headerMenu(page, 'contbr_city', 'Sort descending');
  const paul = (r: Row) => r.cand_nm === 'Paul, Ron';
  const rows = order([['contbr_city', true]], paul);
  await expect(sortStatus(page)).toContainText(`Sorted by contbr_city ↓ — ${grouped(rows.length)} matching rows`);
  const before = await firstRows(page, 5);
  expect(before).toEqual(expected(rows, 5));
  // A Parquet file's decoding passes the 1 MiB budget: the worker is replaced and every tab reopened.
  await page.getByTestId('file-input').setInputFiles(corpus('parquet-testing/data/alltypes_plain.parquet'));
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByTestId('notice')).toContainText('engine worker was restarted', { timeout: 20_000 });
  await page.getByRole('tablist', { name: 'Open files' }).getByRole('tab').first().click();
  await expect(sortStatus(page)).toContainText(`Sorted by contbr_city ↓ — ${grouped(rows.length)} matching rows`);
  expect(await firstRows(page, 5)).toEqual(before);
});

test('A column with no order says why under the sort bar; the rows stay in file order; Clear sort removes it', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(corpus('parquet-testing/data/nested_lists.snappy.parquet'));
  await page.getByRole('tab', { name: 'Data' }).click();
  await headerMenu(page, 'a', 'Sort descending');
  await expect(sortStatus(page)).toHaveText('Not sorted by a ↓:');
  await expect(page.getByTestId('sort-bar')).toContainText('Column "a" cannot be sorted by: list<element: list<element: list<element: string>>> columns have no order');
  await expect(page.getByTestId('grid-status')).toContainText('Row 0 of 3');
  // Sorting by a column that has an order replaces it.
  await headerMenu(page, 'b', 'Sort descending');
  await expect(sortStatus(page)).toContainText('Sorted by b ↓ — 3 rows');
  await page.getByRole('button', { name: 'Clear sort' }).click();
  await expect(page.getByTestId('sort-bar')).toHaveCount(0);
});
