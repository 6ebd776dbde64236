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
