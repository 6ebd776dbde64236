import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { corpus, TALL_FILE } from './paths';

test('Unique values of a column: counts, share, search, and a click jumps to the first row', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Open sample' }).click();
  await page.getByRole('tab', { name: 'Unique' }).click();
  await page.getByLabel('Column to count').selectOption({ label: 'cand_nm (string)' });
  await page.getByRole('button', { name: 'Count unique values' }).click();
  await expect(page.getByTestId('unique-summary')).toContainText('4,000 rows, 13 distinct, 0 nulls');
  const first = page.getByTestId('unique-list').getByRole('row').first();
  await expect(first).toContainText('Obama, Barack');
  await expect(first).toContainText('2,372');
  await page.getByLabel('Search values').fill('romney');
  await expect(page.getByTestId('unique-list').getByRole('row')).toHaveCount(1);
  await page.getByTestId('unique-list').getByRole('row').first().click();
  await expect(page.getByRole('tab', { name: 'Data', selected: true })).toBeVisible();
  await expect(page.locator('.grid-cell.selected')).toBeVisible();
  await expect(page.getByTestId('grid-status')).toContainText(/Row [\d,]+ of 4,000/);
});

test('NaNs of different bits are listed apart, as pyarrow counts them, with a note saying which is which', async ({ page }) => {
  // tests/fixtures/writers/pyarrow/write_ipc.py nan_bits(): pyarrow's value_counts gives nan 4, nan 3, nan 2, 0.0 2, -0.0 2, 1.5 2.
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles('tests/fixtures/writers/pyarrow/nan_bits.arrows');
  await page.getByRole('tab', { name: 'Unique' }).click();
  await page.getByLabel('Column to count').selectOption({ label: 'f64 (double)' });
  await page.getByRole('button', { name: 'Count unique values' }).click();
  const summary = page.getByTestId('unique-summary');
  await expect(summary).toContainText('16 rows, 6 distinct, 1 nulls');
  await expect(summary).toContainText('3 NaNs of different bits are counted apart, as pyarrow counts them (each shown as nan; by count: 0x7ff8000000000000, 0xfff8000000000000, 0x7ff8000000000001)');
  const rows = page.getByTestId('unique-list').getByRole('row');
  for (const [k, count] of ['4', '3', '2'].entries()) {
    await expect(rows.nth(k)).toContainText('nan');
    await expect(rows.nth(k)).toContainText(count);
  }
});

/** Opens the 2M-row file at `path` and starts counting its label column. */
async function countLabels(page: Page, path = './') {
  await page.goto(path);
  await page.getByTestId('file-input').setInputFiles(TALL_FILE);
  await page.getByRole('tab', { name: 'Unique' }).click();
  await page.getByLabel('Column to count').selectOption({ label: 'label (string)' });
  await page.getByRole('button', { name: 'Count unique values' }).click();
}

test('A long count shows progress and can be cancelled', async ({ page }) => {
  await countLabels(page);
  await expect(page.getByTestId('unique-progress')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Count unique values' })).toBeEnabled();
  await expect(page.getByTestId('unique-summary')).toHaveCount(0);
  // the pool restarts for the next request
  await page.getByLabel('Column to count').selectOption({ label: 'row (int32)' });
  await page.getByLabel('Column to count').selectOption({ label: 'label (string)' });
  await page.getByRole('button', { name: 'Count unique values' }).click();
  // Each batch's label column (1.6 MB) is read into the buffer the one before gave back: its counts stay exact.
  await expect(page.getByTestId('unique-summary')).toContainText('2,000,000 rows, 1,714,285 distinct, 285,715 nulls', { timeout: 60_000 });
});

test('The profile of a numeric column shows min, max, mean, quantiles and a histogram', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Open sample' }).click();
  await page.getByRole('tab', { name: 'Unique' }).click();
  await page.getByLabel('Column to count').selectOption({ label: 'contb_receipt_amt (double)' });
  await page.getByRole('button', { name: 'Count unique values' }).click();
  const profile = page.getByTestId('profile');
  for (const label of ['Min', 'Max', 'Mean', 'p50', 'Nulls', 'Distinct']) await expect(profile).toContainText(label);
  await expect(profile.locator('svg rect')).toHaveCount(30);
});

test('For Parquet, footer statistics answer before any scan', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(corpus('parquet-testing/data/int32_with_null_pages.parquet'));
  await page.getByRole('tab', { name: 'Unique' }).click();
  await expect(page.getByTestId('footer-stats')).toContainText(/From the footer statistics, before any scan: [\d,]+ nulls; min -?\d+, max \d+/);
});

test('Past the distinct-value budget, the pool counts the most frequent values exactly in a second pass', async ({ page }) => {
  await countLabels(page, './?uniqueBudget=1000');
  const summary = page.getByTestId('unique-summary');
  await expect(summary).toContainText('distinct (estimate)', { timeout: 60_000 });
  await expect(summary).toContainText('counted exactly in a second pass');
  // Every label occurs once; one row in seven is null: the null entry comes first, with its exact count.
  const first = page.getByTestId('unique-list').getByRole('row').first();
  await expect(first).toContainText('null');
  await expect(first).toContainText('285,715');
  const second = page.getByTestId('unique-list').getByRole('row').nth(1);
  await expect(second).toHaveText(/^label 1 ?1 ?0\.000050%$/); // value, count 1, share (1 of 2,000,000: enough digits to be non-zero)
  await expect(second).toHaveAttribute('title', /First at row 1:/);
});

test('Each column keeps its count: back to a column counted before, its values show at once, without counting again', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Open sample' }).click();
  await page.getByRole('tab', { name: 'Unique' }).click();
  const column = page.getByLabel('Column to count');
  const summary = page.getByTestId('unique-summary');
  const firstRow = page.getByTestId('unique-list').getByRole('row').first();
  await column.selectOption({ label: 'cand_nm (string)' });
  await page.getByRole('button', { name: 'Count unique values' }).click();
  await expect(summary).toContainText('cand_nm: 4,000 rows, 13 distinct, 0 nulls');
  const names = await summary.textContent(); // says how long the count took: a new count would say another time
  await column.selectOption({ label: 'contb_receipt_amt (double)' });
  await expect(summary).toHaveCount(0);
  await page.getByRole('button', { name: 'Count unique values' }).click();
  await expect(summary).toContainText('contb_receipt_amt: 4,000 rows');
  const amounts = await summary.textContent();

  // From here on, a count starting would show its progress: note any that appears.
  await page.evaluate(() => {
    const seen = window as unknown as { countsSeen: number };
    seen.countsSeen = 0;
    const note = () => {
      if (document.querySelector('[data-testid="unique-progress"]')) seen.countsSeen++;
    };
    new MutationObserver(note).observe(document.body, { childList: true, subtree: true });
  });
  await column.selectOption({ label: 'cand_nm (string)' });
  await expect(summary).toHaveText(names!);
  await expect(firstRow).toContainText('Obama, Barack');
  await expect(firstRow).toContainText('2,372');
  // The list and its CSV are the first column's, read from the engine, which kept both results.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  const [head, top] = csv.split(/\r?\n/);
  expect(head).toBe('value,count,share');
  expect(top).toMatch(/^"Obama, Barack",2372,/);
  await column.selectOption({ label: 'contb_receipt_amt (double)' });
  await expect(summary).toHaveText(amounts!);
  await expect(page.getByRole('button', { name: 'Count unique values' })).toBeEnabled();
  expect(await page.evaluate(() => (window as unknown as { countsSeen: number }).countsSeen)).toBe(0);
});
