import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Dictionary, Field, Int32, Int8, List, RecordBatchStreamWriter, Table, Utf8, makeData, vectorFromArray } from 'apache-arrow';
import { TALL_FILE } from './paths';
import { SAMPLE, scan, grouped, openSampleData } from './sample';

/**
 * Find next / previous in the Data view, against a plain scan of the same file done here with
 * apache-arrow (public/sample.arrow: 4,000 FEC rows in 4 batches of 1,000).
 */

const findBox = (page: Page) => page.getByTestId('find-text');
const findStatus = (page: Page) => page.getByTestId('find-status');

async function openFind(page: Page) {
  await openSampleData(page);
  const grid = page.getByTestId('grid');
  await expect(grid.locator('.dg-row').first().locator('.dg-rownum')).toHaveText('0');
  await grid.focus();
  await page.keyboard.press('Control+f');
  await expect(findBox(page)).toBeFocused();
}

/** The cursor is on file row `row`, column `column`, and its cell shows that row's value. */
async function cursorOn(page: Page, row: number, column: string) {
  await expect(page.getByTestId('grid-status')).toContainText(`Row ${grouped(row)} of 4,000`);
  await expect(page.getByTestId('cell-detail')).toContainText(`${column} · row ${grouped(row)}:`);
  await expect(page.getByTestId('cell-detail')).toContainText(String(SAMPLE[row][column]));
  await expect(page.locator('.grid-cell.selected')).toHaveText(String(SAMPLE[row][column]));
}

test('Ctrl+F, "column contains" text: Enter finds the next match from the cursor, Shift+Enter the previous, across batches', async ({ page }) => {
  await openFind(page);
  const matches = scan((r) => (r.cand_nm as string).toLowerCase().includes('romney'));
  expect(matches.length).toBeGreaterThan(3);
  await page.getByTestId('find-mode').selectOption({ label: 'cand_nm contains' });
  await findBox(page).fill('romney');
  await findBox(page).press('Enter');
  await cursorOn(page, matches[0], 'cand_nm');
  await expect(findStatus(page)).toContainText(`Row ${grouped(matches[0])} — searched`);
  await findBox(page).press('Enter');
  await cursorOn(page, matches[1], 'cand_nm');
  await findBox(page).press('Enter');
  await cursorOn(page, matches[2], 'cand_nm');
  await findBox(page).press('Shift+Enter');
  await cursorOn(page, matches[1], 'cand_nm');
  await page.getByRole('button', { name: 'Previous' }).click();
  await cursorOn(page, matches[0], 'cand_nm');
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(findStatus(page)).toContainText(`No more matches before row ${grouped(matches[0])}`);
  // Esc closes the bar and gives the grid the keys back.
  await findBox(page).press('Escape');
  await expect(page.getByTestId('find-bar')).toBeHidden();
  await expect(page.getByTestId('grid')).toBeFocused();
});

test('A WHERE expression: next from a row found by go to, and "no more matches after row N" past the last', async ({ page }) => {
  await openFind(page);
  const where = "cand_nm = 'Romney, Mitt' AND contb_receipt_amt >= 1000";
  const matches = scan((r) => r.cand_nm === 'Romney, Mitt' && (r.contb_receipt_amt as number) >= 1000);
  await page.getByTestId('find-mode').selectOption({ label: 'rows where (WHERE expression)' });
  await findBox(page).fill(where);
  // From a row between two matches: the next is found.
  const between = matches[5] + 1;
  await page.getByTestId('goto').fill(String(between));
  await page.getByTestId('goto').press('Enter');
  await expect(page.getByTestId('grid-status')).toContainText(`Row ${grouped(between)} of 4,000`);
  await findBox(page).press('Enter');
  await cursorOn(page, matches[6], 'cand_nm');
  // From the last match: none after it.
  const last = matches[matches.length - 1];
  await page.getByTestId('goto').fill(String(last));
  await page.getByTestId('goto').press('Enter');
  await expect(page.getByTestId('grid-status')).toContainText(`Row ${grouped(last)} of 4,000`);
  await findBox(page).press('Enter');
  await expect(findStatus(page)).toContainText(`No more matches after row ${grouped(last)}`);
  await findBox(page).press('Shift+Enter');
  await cursorOn(page, matches[matches.length - 2], 'cand_nm');
});

test('A bad expression gives a pointed error, the offending token marked; nothing moves', async ({ page }) => {
  await openFind(page);
  await page.getByTestId('find-mode').selectOption({ label: 'rows where (WHERE expression)' });
  await findBox(page).fill("cand_nm = 'x' AND nope > 3");
  await findBox(page).press('Enter');
  await expect(page.getByTestId('find-problem')).toContainText('nope');
  await expect(page.getByTestId('find-token')).toHaveText('nope');
  await expect(findBox(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('grid-status')).toContainText('Row 0 of 4,000');
  // The bar with its error passes axe-core (no serious or critical violation).
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="find-bar"]').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('With a filter applied, find goes through the filtered rows: the cursor lands on the match number', async ({ page }) => {
  await openFind(page);
  await findBox(page).press('Escape');
  const view = scan((r) => r.contbr_st === 'CA');
  const both = scan((r) => r.contbr_st === 'CA' && r.cand_nm === 'Romney, Mitt');
  await page.getByTestId('filter-text').fill("contbr_st = 'CA'");
  await page.getByTestId('filter-text').press('Enter');
  await expect(page.getByTestId('filter-status')).toContainText(`${grouped(view.length)} matching rows of 4,000 — 100% scanned`);
  const grid = page.getByTestId('grid');
  await grid.focus();
  await page.keyboard.press('Control+f');
  await page.getByTestId('find-mode').selectOption({ label: 'cand_nm contains' });
  await findBox(page).fill('Romney');
  await findBox(page).press('Enter');
  await expect(page.getByTestId('grid-status')).toContainText(`Match ${grouped(view.indexOf(both[0]) + 1)} of ${grouped(view.length)} · row ${grouped(both[0])}`);
  await findBox(page).press('Enter');
  await expect(page.getByTestId('grid-status')).toContainText(`Match ${grouped(view.indexOf(both[1]) + 1)} of ${grouped(view.length)} · row ${grouped(both[1])}`);
  await expect(page.locator('.grid-cell.selected')).toHaveText('Romney, Mitt');
});

test('Over 2,000,000 rows in 20 batches: a find from the top reaches the last row, and finding again reads no batch twice', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(TALL_FILE);
  await expect(page.getByTestId('overview')).toContainText('2,000,000');
  await page.getByRole('tab', { name: 'Data' }).click();
  const grid = page.getByTestId('grid');
  await expect(grid.locator('.dg-row').first().locator('.dg-rownum')).toHaveText('0');
  await grid.focus();
  await page.keyboard.press('Control+f');
  await page.getByTestId('find-mode').selectOption({ label: 'label contains' });
  await findBox(page).fill('label 1999999');
  await findBox(page).press('Enter');
  await expect(findStatus(page)).toHaveText('Row 1,999,999 — searched 2,000,000 rows in 20 chunks.');
  await expect(page.getByTestId('grid-status')).toContainText('Row 1,999,999 of 2,000,000');
  await expect(page.locator('.grid-cell.selected')).toHaveText('label 1999999');
  await findBox(page).press('Enter');
  await expect(findStatus(page)).toContainText('No more matches after row 1,999,999 — searched 100,000 rows in 1 chunk (1 known from before).');
  // Back to the top: the same find again answers from what the first learned.
  await grid.focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('grid-status')).toContainText('Row 0 of 2,000,000');
  await page.keyboard.press('Control+f');
  await findBox(page).press('Enter');
  await expect(findStatus(page)).toHaveText('Row 1,999,999 — searched 2,000,000 rows in 20 chunks (20 known from before).');
});

test('"Column contains" in a dictionary of numbers finds the number; in a list column it says why it cannot look', async ({ page }) => {
  const path = join(tmpdir(), 'arrowscope-e2e-find-kinds.arrows');
  const di = makeData({ type: new Dictionary(new Int32(), new Int8()), length: 4, nullCount: 0, data: Int8Array.from([0, 1, 1, 2]), dictionary: vectorFromArray([5, 7, -3], new Int32()) });
  const lst = vectorFromArray([['a'], [], ['b'], null], new List(new Field('item', new Utf8())));
  writeFileSync(path, RecordBatchStreamWriter.writeAll(new Table({ di, lst } as never)).toUint8Array(true));
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(path);
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByTestId('grid').focus();
  await page.keyboard.press('Control+f');
  await page.getByTestId('find-mode').selectOption({ label: 'di contains' });
  await findBox(page).fill('-3');
  await findBox(page).press('Enter');
  await expect(page.getByTestId('grid-status')).toContainText('Row 3 of 4');
  await expect(page.locator('.grid-cell.selected')).toHaveText('-3');
  await page.getByTestId('find-mode').selectOption({ label: 'lst contains' });
  await findBox(page).fill('a');
  await findBox(page).press('Enter');
  await expect(page.getByTestId('find-bar')).toContainText('Find cannot look in "lst", a list<item: string not null> column');
});
