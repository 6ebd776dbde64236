import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';

/** pyarrow's ZSTD stream (tests/fixtures): 2,000 rows of int64, utf8, float64 and list<int32> in real ZSTD frames. */
const ZSTD_FILE = resolve('tests/fixtures/writers/pyarrow/zstd.arrows');

test('The memory meter shows what the decoded cache holds after a ZSTD file is scrolled, and its limit', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(ZSTD_FILE);
  await page.getByRole('tab', { name: 'Data' }).click();
  const grid = page.getByTestId('grid');
  await expect(grid.getByRole('gridcell').first()).toHaveText('0');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await page.getByRole('tab', { name: 'Overview' }).click();
  const decoded = page.getByTestId('decoded-cache');
  // Decompressed buffers and the decoded list column of batch 0: some KiB, under the 256 MiB limit for all files.
  await expect(decoded).toHaveText(/^[\d.]+ KiB of 256(\.0)? MiB \(all open files\)$/);
});
