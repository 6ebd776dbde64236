import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parquetReadObjects } from 'hyparquet';
import { type Row, SAMPLE, grouped, openSampleData } from './sample';

/**
 * Unique values over the Data view's filter, against a plain count of the same file done here with
 * apache-arrow (public/sample.arrow: 4,000 FEC rows in 4 batches).
 */

/** Value text -> rows, over the rows passing `test`. */
function plainCount(column: string, test: (r: Row) => boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of SAMPLE) if (test(r)) counts.set(String(r[column] ?? 'null'), (counts.get(String(r[column] ?? 'null')) ?? 0) + 1);
  return counts;
}

/** The Unique list as shown: value -> count (every value fits in the list's view here). */
async function shownCounts(page: Page, expectedValues: number): Promise<Map<string, number>> {
  const rows = page.getByTestId('unique-list').getByRole('row');
  await expect(rows).toHaveCount(expectedValues);
  await expect(rows.nth(expectedValues - 1).getByRole('gridcell').nth(1)).not.toHaveText('');
  const out = new Map<string, number>();
  for (let i = 0; i < expectedValues; i++) {
    const cells = rows.nth(i).getByRole('gridcell');
    out.set((await cells.nth(0).textContent())!, Number((await cells.nth(1).textContent())!.replace(/,/g, '')));
  }
  return out;
}

const filterBox = (page: Page) => page.getByTestId('filter-text');

test('Unique values and the profile count the rows matching the filter; cleared, every row again', async ({ page }) => {
  await openSampleData(page);
  const where = 'contb_receipt_amt >= 1000';
  const test = (r: Row) => (r.contb_receipt_amt as number) >= 1000;
  const filtered = plainCount('cand_nm', test);
  const matched = [...filtered.values()].reduce((a, b) => a + b, 0);
  expect(matched).toBeGreaterThan(50);
  expect(matched).toBeLessThan(4_000);
  await filterBox(page).fill(where);
  await filterBox(page).press('Enter');
  await expect(page.getByTestId('filter-status')).toContainText(`${grouped(matched)} matching rows of 4,000 — 100% scanned`);

  // Unique of cand_nm: only the matching rows, and the heading names the filter.
  await page.getByRole('tab', { name: 'Unique' }).click();
  await page.getByLabel('Column to count').selectOption({ label: 'cand_nm (string)' });
  await expect(page.getByLabel('Only rows matching the filter')).toBeChecked();
  await page.getByRole('button', { name: 'Count unique values' }).click();
  await expect(page.getByTestId('unique-heading')).toHaveText(`Unique values of cand_nm in ${grouped(matched)} rows matching \`${where}\``);
  await expect(page.getByTestId('unique-summary')).toContainText(`${grouped(matched)} rows, ${filtered.size} distinct, 0 nulls`);
  await expect(page.getByTestId('profile')).toContainText(grouped(matched));
  expect(await shownCounts(page, filtered.size)).toEqual(filtered);
  await expect(page.getByTestId('unique-stale')).toHaveCount(0);

  // A value of the filtered list: its rows among the filter's matches.
  const romney = filtered.get('Romney, Mitt')!;
  expect(romney).toBeGreaterThan(0);
  await page.getByLabel('Search values').fill('romney');
  await page.getByTestId('unique-list').getByRole('row').first().getByRole('button', { name: 'Filter rows with this value' }).click();
  await expect(page.getByRole('tab', { name: 'Data', selected: true })).toBeVisible();
  await expect(filterBox(page)).toHaveValue(`${where} AND cand_nm = 'Romney, Mitt'`);
  await expect(page.getByTestId('filter-status')).toContainText(`${grouped(romney)} matching rows of 4,000 — 100% scanned`);

  // The filter changed: the result shown says it was counted over other rows, and counts again on a click.
  await page.getByRole('tab', { name: 'Unique' }).click();
  await page.getByLabel('Search values').fill('');
  await expect(page.getByTestId('unique-stale')).toContainText(`These counts are over the rows matching \`${where}\`; the filter is now \`${where} AND cand_nm = 'Romney, Mitt'\`.`);

  // Cleared: every row again.
  await page.getByRole('tab', { name: 'Data' }).click();
  await filterBox(page).press('Escape');
  await expect(page.getByTestId('filter-status')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Unique' }).click();
  await expect(page.getByLabel('Only rows matching the filter')).toHaveCount(0);
  await expect(page.getByTestId('unique-stale')).toContainText('the filter was cleared since');
  await page.getByTestId('unique-stale').getByRole('button', { name: 'Count every row' }).click();
  const all = plainCount('cand_nm', () => true);
  await expect(page.getByTestId('unique-heading')).toHaveText('Unique values of cand_nm in all 4,000 rows');
  await expect(page.getByTestId('unique-stale')).toHaveCount(0);
  expect(await shownCounts(page, all.size)).toEqual(all);
});

test('With a filter applied, "Only rows matching the filter" unchecked counts every row', async ({ page }) => {
  await openSampleData(page);
  const where = "contbr_st = 'CA'";
  await filterBox(page).fill(where);
  await filterBox(page).press('Enter');
  const ca = plainCount('contbr_st', (r) => r.contbr_st === 'CA').get('CA')!;
  await expect(page.getByTestId('filter-status')).toContainText(`${grouped(ca)} matching rows of 4,000 — 100% scanned`);
  await page.getByRole('tab', { name: 'Unique' }).click();
  await page.getByLabel('Column to count').selectOption({ label: 'cand_nm (string)' });
  await page.getByLabel('Only rows matching the filter').uncheck();
  await page.getByRole('button', { name: 'Count unique values' }).click();
  await expect(page.getByTestId('unique-heading')).toHaveText('Unique values of cand_nm in all 4,000 rows');
  expect(await shownCounts(page, plainCount('cand_nm', () => true).size)).toEqual(plainCount('cand_nm', () => true));
  // Checked again: the result is over every row, not the filter's, and says so.
  await page.getByLabel('Only rows matching the filter').check();
  await expect(page.getByTestId('unique-stale')).toContainText(`These counts are over every row, not only those matching \`${where}\`.`);
  await page.getByTestId('unique-stale').getByRole('button', { name: 'Count the matching rows' }).click();
  await expect(page.getByTestId('unique-heading')).toHaveText(`Unique values of cand_nm in ${grouped(ca)} rows matching \`${where}\``);
  expect(await shownCounts(page, plainCount('cand_nm', (r) => r.contbr_st === 'CA').size)).toEqual(plainCount('cand_nm', (r) => r.contbr_st === 'CA'));
});

test('Parquet: the compute pool counts the matching rows of each row group (nulls included); a row group without a match is skipped', async ({ page }) => {
  const path = 'tests/filter/fixtures/filter_types.parquet'; // 30 rows in 3 row groups of 10
  const bytes = readFileSync(path);
  const rows = (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) })) as Row[];
  const where = 'i32 >= 5 AND id >= 10';
  const keep = (r: Row) => r.i32 !== null && (r.i32 as number) >= 5 && Number(r.id) >= 10;
  const expected = new Map<string, number>();
  for (const r of rows) if (keep(r)) expected.set(r.cand === null ? 'null' : String(r.cand), (expected.get(r.cand === null ? 'null' : String(r.cand)) ?? 0) + 1);
  const matched = [...expected.values()].reduce((a, b) => a + b, 0);
  expect(expected.get('null')).toBeGreaterThan(0);
  expect(rows.slice(0, 10).some(keep)).toBe(false);
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(path);
  await page.getByRole('tab', { name: 'Data' }).click();
  await filterBox(page).fill(where);
  await filterBox(page).press('Enter');
  await expect(page.getByTestId('filter-status')).toContainText(`${matched} matching rows of 30 — 100% scanned`);
  await page.getByRole('tab', { name: 'Unique' }).click();
  const option = (await page.getByLabel('Column to count').locator('option', { hasText: /^cand \(/ }).textContent())!;
  await page.getByLabel('Column to count').selectOption({ label: option });
  await page.getByRole('button', { name: 'Count unique values' }).click();
  await expect(page.getByTestId('unique-heading')).toHaveText(`Unique values of cand in ${matched} rows matching \`${where}\``);
  await expect(page.getByTestId('unique-summary')).toContainText(`${matched} rows, ${expected.size - 1} distinct, ${expected.get('null')} nulls`);
  expect(await shownCounts(page, expected.size)).toEqual(expected);
});
