import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { BIG_FILE, MULTI_GB_FILE, TALL_FILE, TALL_ROWS } from './paths';

test('Scaled scrolling reaches the last of 2,000,000 rows, and go-to-row lands exactly', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(TALL_FILE);
  await expect(page.getByTestId('overview')).toContainText('2,000,000');
  await page.getByRole('tab', { name: 'Data' }).click();
  const grid = page.getByTestId('grid');
  await grid.focus();
  await page.keyboard.press('End');
  const last = grid.locator(`[aria-rowindex="${TALL_ROWS}"]`);
  await expect(last).toBeVisible();
  await expect(last.getByRole('gridcell').first()).toHaveText(String(TALL_ROWS - 1));

  await page.getByTestId('goto').fill('1234567');
  await page.keyboard.press('Enter');
  const target = grid.locator('[aria-rowindex="1234568"]');
  await expect(target.getByRole('gridcell').first()).toHaveText('1234567');
  await expect(target.getByRole('gridcell').nth(1)).toHaveText('label 1234567');

  // chunk:row addressing, like t[0].chunk(5)[1000]
  await page.getByTestId('goto').fill('5:1000');
  await page.keyboard.press('Enter');
  await expect(grid.locator('[aria-rowindex="501001"]').getByRole('gridcell').first()).toHaveText('501000');

  // Arrow keys move one row at a time even though the canvas is scaled.
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('grid-status')).toContainText('Row 501,001');
  const height = await grid.evaluate((el) => (el.firstElementChild as HTMLElement).offsetHeight);
  expect(height).toBeLessThan(33_554_428);
});

const big = existsSync(BIG_FILE)
  ? { path: BIG_FILE, rows: '50,086,550', row: 37_000_000 }
  : { path: MULTI_GB_FILE, rows: '12,020,772', row: 10_000_000 };

test(`A generated multi-GB stream opens and row ${big.row.toLocaleString('en-US')} is reachable`, async ({ page }) => {
  test.skip(!existsSync(big.path), `no multi-GB stream: ${MULTI_GB_FILE} needs 8 GiB free in the temp folder (or npm run gen -- --copies 50 --format stream --out ${BIG_FILE})`);
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(big.path);
  await expect(page.getByTestId('overview')).toContainText(big.rows);
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByTestId('goto').fill(String(big.row));
  await page.keyboard.press('Enter');
  const row = page.getByTestId('grid').locator(`[aria-rowindex="${big.row + 1}"]`);
  await expect(row.getByRole('gridcell').first()).toHaveText(/^C00\d+$/);
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByTestId('io-meter')).toContainText('Read');
});
