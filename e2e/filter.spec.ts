import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { parquetReadObjects } from 'hyparquet';
import { corpus, MULTI_GB_FILE, TALL_FILE } from './paths';
import { type Row, SAMPLE, scan, grouped, linkParams, openSampleData } from './sample';

/**
 * The Data view's filter, against a plain scan of the same file done here with apache-arrow
 * (public/sample.arrow: 4,000 FEC rows in 4 batches), built by text and by clicking.
 */

const filterBox = (page: Page) => page.getByTestId('filter-text');
const status = (page: Page) => page.getByTestId('filter-status');

/** The grid's first `n` rows: their row-number cell and the text of one column's cell. */
async function firstRows(page: Page, column: string, n: number) {
  const grid = page.getByTestId('grid');
  await grid.evaluate((el) => (el.scrollLeft = 0)); // the first columns (an earlier step may have scrolled right)
  const header = grid.locator('.dg-head-cell').filter({ hasText: column });
  await expect(header).toHaveCount(1);
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

/** What the grid should show first: each match's file row number and its value of `column`. */
const expected = (matches: number[], column: string, n: number) => matches.slice(0, n).map((r) => [grouped(r), String(SAMPLE[r][column])]);

test('A filter typed as text shows "N matching rows of M" and the matching rows with their file row numbers; go-to finds the nearest match', async ({ page }) => {
  await openSampleData(page);
  const where = "cand_nm = 'Romney, Mitt' AND contb_receipt_amt >= 1000";
  const matches = scan((r) => r.cand_nm === 'Romney, Mitt' && (r.contb_receipt_amt as number) >= 1000);
  expect(matches.length).toBe(68); // the CLI says the same: arrowscope public/sample.arrow --where … --count
  await filterBox(page).fill(where);
  await filterBox(page).press('Enter');
  await expect(status(page)).toContainText(`${matches.length} matching rows of 4,000 — 100% scanned`);
  expect(await firstRows(page, 'contbr_st', 6)).toEqual(expected(matches, 'contbr_st', 6));
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-rowcount', String(matches.length));
  await expect(page.getByTestId('grid-status')).toContainText(`Match 1 of ${matches.length} · row ${grouped(matches[0])}`);

  // Go to a file row that does not match: the next match is shown and said.
  const between = matches[10] + 1;
  await page.getByTestId('goto').fill(String(between));
  await page.getByTestId('goto').press('Enter');
  await expect(page.getByTestId('grid-status')).toHaveText(`Row ${grouped(between)} does not match; the next matching row is ${grouped(matches[11])}.`);
  await expect(page.locator('.grid-cell.selected')).toBeVisible();
  await expect(page.getByTestId('cell-detail')).toContainText(`row ${grouped(matches[11])}:`);

  // Esc clears: every row again, at the row the cursor was on.
  await filterBox(page).press('Escape');
  await expect(status(page)).toHaveCount(0);
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-rowcount', '4000');
  await expect(page.getByTestId('grid-status')).toContainText(`Row ${grouped(matches[11])} of 4,000`);
});

test('A new filter over a filtered grid moved down: its own matches from the first, the cursor on match 1, never a row of the run before', async ({ page }) => {
  await openSampleData(page);
  const romney = scan((r) => r.cand_nm === 'Romney, Mitt');
  const obama = scan((r) => r.cand_nm === 'Obama, Barack');
  await filterBox(page).fill("cand_nm = 'Romney, Mitt'");
  await filterBox(page).press('Enter');
  await expect(status(page)).toContainText(`${romney.length} matching rows of 4,000 — 100% scanned`);
  await page.getByTestId('goto').fill(String(romney[40]));
  await page.getByTestId('goto').press('Enter');
  await expect(page.getByTestId('grid-status')).toContainText('match 41');
  // Every cand_nm drawn once the grid is no longer the first run's (another row count).
  const colindex = await page.getByTestId('grid').locator('.dg-head-cell').filter({ hasText: 'cand_nm' }).getAttribute('aria-colindex');
  await page.evaluate(
    ([col, before]) => {
      const seen: string[] = ((window as unknown as { seen: string[] }).seen = []);
      new MutationObserver(() => {
        const grid = document.querySelector('[data-testid=grid]');
        if (!grid || grid.getAttribute('aria-rowcount') === before) return;
        for (const cell of grid.querySelectorAll(`.dg-row [aria-colindex="${col}"]`)) seen.push(cell.textContent ?? '');
      }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    },
    [colindex, String(romney.length)],
  );
  await filterBox(page).fill("cand_nm = 'Obama, Barack'");
  await filterBox(page).press('Enter');
  await expect(status(page)).toContainText(`${grouped(obama.length)} matching rows of 4,000 — 100% scanned`);
  expect(await firstRows(page, 'cand_nm', 6)).toEqual(expected(obama, 'cand_nm', 6));
  await expect(page.getByTestId('grid-status')).toContainText(`Match 1 of ${grouped(obama.length)} · row ${grouped(obama[0])}`);
  const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((t) => t !== 'Obama, Barack' && t !== '…')).toEqual([]);
});

test('A run’s first matches appear once read, a few rows a frame from the top, never a screen of “…” rows', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1300 });
  await openSampleData(page);
  await expect(page.getByTestId('grid').locator('.dg-row').first().locator('.dg-rownum')).not.toHaveText('…');
  // Every change of the filtered grid's rows: how many rows it drew, and how many of them had no row number yet.
  await page.evaluate(() => {
    const seen: [number, number][] = ((window as unknown as { drawn: [number, number][] }).drawn = []);
    new MutationObserver(() => {
      const grid = document.querySelector('[data-testid=grid]');
      if (!grid || grid.getAttribute('aria-rowcount') === '4000') return;
      const rows = [...grid.querySelectorAll('.dg-row')];
      const last = seen[seen.length - 1];
      const now: [number, number] = [rows.length, rows.filter((r) => r.querySelector('.dg-rownum')?.textContent === '…').length];
      if (!last || last[0] !== now[0] || last[1] !== now[1]) seen.push(now);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await filterBox(page).fill("cand_nm = 'Obama, Barack'");
  await filterBox(page).press('Enter');
  await expect(status(page)).toContainText('100% scanned');
  const rows = page.getByTestId('grid').locator('.dg-row');
  await expect.poll(() => rows.count()).toBeGreaterThan(40);
  await expect(rows.last().locator('.dg-rownum')).not.toHaveText('…');
  const drawn = await page.evaluate(() => (window as unknown as { drawn: [number, number][] }).drawn);
  const counts = drawn.map(([n]) => n).filter((n) => n > 0);
  // The first rows drawn are read ones, 8 of them (useFirstDraw's DRAW_STEP); the screen fills in steps.
  expect(drawn.every(([, unread]) => unread === 0)).toBe(true);
  expect(counts[0]).toBe(8);
  expect(counts.slice(0, 2)).toEqual([8, 16]);
  expect(counts).toEqual([...counts].sort((a, b) => a - b));
});

test('A bad expression shows a pointed error under the text box, the offending token marked', async ({ page }) => {
  await openSampleData(page);
  await filterBox(page).fill("cand = 'x'");
  await filterBox(page).press('Enter');
  const problem = page.getByTestId('filter-problem');
  await expect(problem).toContainText('unknown column "cand" at 1:1; did you mean cand_id or cand_nm?');
  await expect(page.getByTestId('filter-token')).toHaveText('cand');
  await expect(filterBox(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-rowcount', '4000');

  await filterBox(page).fill('contb_receipt_amt >= 10 AND');
  await filterBox(page).press('Enter');
  await expect(problem).toContainText('at 1:28');
  await filterBox(page).fill("contb_receipt_amt = 'ten'");
  await filterBox(page).press('Enter');
  await expect(problem).toContainText('contb_receipt_amt');
  await expect(page.getByTestId('filter-token')).toHaveText("'ten'");
});

test('A filter built by clicking: a column header menu, a cell menu, a value of the Unique list', async ({ page }) => {
  await openSampleData(page);
  // From the keyboard: Shift+F10 opens the selected cell's menu, Esc closes it.
  await page.getByTestId('grid').locator('.dg-row').first().locator('[aria-colindex="4"]').click();
  await page.keyboard.press('Shift+F10');
  await expect(page.getByRole('menuitem', { name: 'Filter rows where cand_nm = this value' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  // Header menu: "Filter this column…" writes the column's name; the value is typed after it.
  await page.getByRole('button', { name: 'Menu of cand_nm' }).click();
  await page.getByRole('menuitem', { name: 'Filter this column…' }).click();
  await expect(filterBox(page)).toHaveValue('cand_nm = ');
  await expect(filterBox(page)).toBeFocused();
  await page.keyboard.type("'Paul, Ron'");
  await page.keyboard.press('Enter');
  const paul = scan((r) => r.cand_nm === 'Paul, Ron');
  await expect(status(page)).toContainText(`${grouped(paul.length)} matching rows of 4,000`);

  // Cell menu on the first row's state: "= this value" narrows the filter shown.
  const [first] = await firstRows(page, 'contbr_st', 1);
  expect(first[0]).toBe(grouped(paul[0]));
  const st = SAMPLE[paul[0]].contbr_st as string;
  const colindex = (column: string) => page.getByTestId('grid').locator('.dg-head-cell').filter({ hasText: column }).getAttribute('aria-colindex');
  const stCol = await colindex('contbr_st');
  await page.getByTestId('grid').locator('.dg-row').first().locator(`[aria-colindex="${stCol}"]`).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Filter rows where contbr_st = this value' }).click();
  await expect(filterBox(page)).toHaveValue(`cand_nm = 'Paul, Ron' AND contbr_st = '${st}'`);
  const both = scan((r) => r.cand_nm === 'Paul, Ron' && r.contbr_st === st);
  await expect(status(page)).toContainText(`${grouped(both.length)} matching ${both.length === 1 ? 'row' : 'rows'} of 4,000 — 100% scanned`);
  expect(await firstRows(page, 'contbr_st', Math.min(3, both.length))).toEqual(expected(both, 'contbr_st', 3));

  // "!= this value" on a cell of the amount.
  await filterBox(page).press('Escape');
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-rowcount', '4000');
  await page.getByTestId('goto').fill('0');
  await page.getByTestId('goto').press('Enter');
  await expect(page.getByTestId('grid').locator('.dg-row').first().locator('.dg-rownum')).toHaveText('0');
  const amtCol = await colindex('contb_receipt_amt');
  await page.getByTestId('grid').locator('.dg-row').first().locator(`[aria-colindex="${amtCol}"]`).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Filter rows where contb_receipt_amt != this value' }).click();
  const notFirst = scan((r) => r.contb_receipt_amt !== SAMPLE[0].contb_receipt_amt);
  await expect(status(page)).toContainText(`${grouped(notFirst.length)} matching rows of 4,000`);
  expect((await firstRows(page, 'contb_receipt_amt', 1))[0][0]).toBe(grouped(notFirst[0]));

  // A value of the Unique list counted over every row: its rows in the Data view (the filter replaced).
  await page.getByRole('tab', { name: 'Unique' }).click();
  await page.getByLabel('Column to count').selectOption({ label: 'cand_nm (string)' });
  await page.getByLabel('Only rows matching the filter').uncheck();
  await page.getByRole('button', { name: 'Count unique values' }).click();
  await page.getByLabel('Search values').fill('romney');
  await page.getByTestId('unique-list').getByRole('row').first().getByRole('button', { name: 'Filter rows with this value' }).click();
  await expect(page.getByRole('tab', { name: 'Data', selected: true })).toBeVisible();
  await expect(filterBox(page)).toHaveValue("cand_nm = 'Romney, Mitt'");
  const romney = scan((r) => r.cand_nm === 'Romney, Mitt');
  await expect(status(page)).toContainText(`${grouped(romney.length)} matching rows of 4,000 — 100% scanned`);
  expect(await firstRows(page, 'cand_nm', 4)).toEqual(expected(romney, 'cand_nm', 4));
});

test('The share link carries the filter, and opening it shows the same filtered rows', async ({ page, baseURL, context }) => {
  const remote = new URL('sample.arrow?via=filter', baseURL).href;
  await page.goto(`./#url=${encodeURIComponent(remote)}&view=data`);
  const where = "contbr_st IN ('CA', 'NY') AND contb_receipt_amt > 500";
  const matches = scan((r) => ['CA', 'NY'].includes(r.contbr_st as string) && (r.contb_receipt_amt as number) > 500);
  expect(matches.length).toBeGreaterThan(5);
  await filterBox(page).fill(where);
  await filterBox(page).press('Enter');
  await expect(status(page)).toContainText(`${grouped(matches.length)} matching rows of 4,000 — 100% scanned`);
  await expect.poll(() => linkParams(page)).toEqual({ url: remote, view: 'data', where });
  const shown = await firstRows(page, 'contbr_st', 5);
  expect(shown).toEqual(expected(matches, 'contbr_st', 5));

  const link = await page.evaluate(() => location.href);
  const other = await context.newPage();
  await other.goto(link);
  await expect(filterBox(other)).toHaveValue(where);
  await expect(status(other)).toContainText(`${grouped(matches.length)} matching rows of 4,000 — 100% scanned`);
  expect(await firstRows(other, 'contbr_st', 5)).toEqual(shown);
});

test('A Parquet file is filtered over its row groups in the compute pool: the same rows as a plain read with hyparquet', async ({ page }) => {
  const path = 'tests/filter/fixtures/filter_types.parquet';
  const bytes = readFileSync(path);
  const rows = (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) })) as Row[];
  const matches = rows.flatMap((r, i) => (r.i32 !== null && (r.i32 as number) >= 7 && r.s !== null ? [i] : []));
  expect(matches.length).toBeGreaterThan(3);
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(path);
  await page.getByRole('tab', { name: 'Data' }).click();
  await filterBox(page).fill('i32 >= 7 AND s IS NOT NULL');
  await filterBox(page).press('Enter');
  await expect(status(page)).toContainText(`${matches.length} matching rows of 30 — 100% scanned`);
  await expect(status(page)).toContainText('on 2 threads'); // the engine's and a compute worker's
  const shown = await firstRows(page, 'i32', matches.length);
  expect(shown).toEqual(matches.map((r) => [String(r), String(rows[r].i32)]));
});

test('A long scan shows its progress and the first matches while it runs; Cancel stops it and keeps them', async ({ page }) => {
  test.skip(!existsSync(MULTI_GB_FILE), `no multi-GB stream: ${MULTI_GB_FILE} needs 8 GiB free in the temp folder`);
  test.setTimeout(120_000);
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(MULTI_GB_FILE);
  await page.getByRole('tab', { name: 'Data' }).click();
  // Regular expressions over three string columns of 12,020,772 rows: seconds of work on every core.
  await filterBox(page).fill("contbr_nm IMATCHES '^(j|m).*(son|er)$' OR contbr_city IMATCHES '(a|e)(b|c|d)$' OR contbr_occupation IMATCHES 'x.*y.*z'");
  await filterBox(page).press('Enter');
  await expect(page.getByRole('progressbar', { name: 'Scanned' })).toBeVisible();
  const first = page.getByTestId('grid').locator('.dg-row').first().locator('.dg-rownum');
  await expect(first).toHaveText(/^\d[\d,]*$/, { timeout: 60_000 });
  await expect(status(page)).toContainText(/^[\d,]+ matching rows of 12,020,772 — \d+% scanned/);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(status(page)).toContainText(/^Cancelled: [\d,]+ matching rows of 12,020,772 — \d{1,2}% scanned/);
  await expect(page.getByRole('progressbar', { name: 'Scanned' })).toHaveCount(0);
  const stopped = await status(page).textContent();
  await page.waitForTimeout(500);
  await expect(status(page)).toHaveText(stopped!);
  await expect(first).toHaveText(/^\d[\d,]*$/);
});

test('Over 2,000,000 rows, End reaches the last of 285,715 matches, with its file row number', async ({ page }) => {
  // The tall file's label is null on every 7th row: rows 0, 7, … 1,999,998.
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(TALL_FILE);
  await page.getByRole('tab', { name: 'Data' }).click();
  await filterBox(page).fill('label IS NULL');
  await filterBox(page).press('Enter');
  await expect(status(page)).toContainText('285,715 matching rows of 2,000,000 — 100% scanned');
  expect(await firstRows(page, 'row', 3)).toEqual([['0', '0'], ['7', '7'], ['14', '14']]);
  const grid = page.getByTestId('grid');
  await grid.focus();
  await page.keyboard.press('End');
  const last = grid.locator('[aria-rowindex="285715"]');
  await expect(last.locator('.dg-rownum')).toHaveText('1,999,998');
  await expect(last.getByRole('gridcell').first()).toHaveText('1999998');
  await expect(page.getByTestId('grid-status')).toContainText('Match 285,715 of 285,715 · row 1,999,998');
  // Go to by chunk:row: chunk 3, row 5 is file row 300,005; the next match is 300,006.
  await page.getByTestId('goto').fill('3:5');
  await page.getByTestId('goto').press('Enter');
  await expect(page.getByTestId('grid-status')).toHaveText('Row 300,005 does not match; the next matching row is 300,006.');
});

test('After an engine worker restart, a tab’s filter runs again and shows the same rows', async ({ page }) => {
  await page.goto('./?wasmBudgetMiB=1');
  await page.getByRole('button', { name: 'Open sample' }).click();
  await page.getByRole('tab', { name: 'Data' }).click();
  const romney = scan((r) => r.cand_nm === 'Romney, Mitt');
  await filterBox(page).fill("cand_nm = 'Romney, Mitt'");
  await filterBox(page).press('Enter');
  await expect(status(page)).toContainText(`${grouped(romney.length)} matching rows of 4,000 — 100% scanned`);
  // A Parquet file's decoding passes the 1 MiB budget: the worker is replaced and every tab reopened.
  await page.getByTestId('file-input').setInputFiles(corpus('parquet-testing/data/alltypes_plain.parquet'));
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByTestId('notice')).toContainText('engine worker was restarted', { timeout: 20_000 });
  await page.getByRole('tablist', { name: 'Open files' }).getByRole('tab').first().click();
  await expect(filterBox(page)).toHaveValue("cand_nm = 'Romney, Mitt'");
  await expect(status(page)).toContainText(`${grouped(romney.length)} matching rows of 4,000 — 100% scanned`);
  expect(await firstRows(page, 'cand_nm', 3)).toEqual(expected(romney, 'cand_nm', 3));
});
