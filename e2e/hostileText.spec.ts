import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Schema, Table, tableFromArrays, tableToIPC } from 'apache-arrow';
import { dropFile } from './localFiles';

/**
 * Names and values written to act rather than to be read: a right-to-left override in a column name,
 * a terminal escape and spreadsheet formulas in values. The app shows the invisible characters by code
 * point and its unique-values CSV guards the formulas.
 */
const NAME = '\u202egnp.exe';
const VALUES = ['=HYPERLINK("http://x","y")', '@SUM(A1)', '+1+2', '\x1b[2Jcleared', '-5', 'plain'];
const bytes = () => [...tableToIPC(tableFromArrays({ [NAME]: VALUES, n: Int32Array.from(VALUES, (_, i) => i) }), 'stream')];

test('a right-to-left override and a terminal escape are shown by code point, and the unique CSV guards formulas', async ({ page }) => {
  await page.goto('./');
  await dropFile(page, '\u202ecod.arrows', bytes());
  await expect(page.getByRole('tab', { name: '⟨U+202E⟩cod.arrows' })).toBeVisible();
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.locator('.dg-header')).toContainText('⟨U+202E⟩gnp.exe');
  await page.locator('.grid-cell', { hasText: 'cleared' }).click();
  await expect(page.getByTestId('cell-detail')).toContainText('⟨U+202E⟩gnp.exe · row 3: ⟨U+001B⟩[2Jcleared');

  await page.getByRole('tab', { name: 'Schema' }).click();
  await expect(page.getByText('⟨U+202E⟩gnp.exe').first()).toBeVisible();

  await page.getByRole('tab', { name: 'Unique' }).click();
  await page.getByLabel('Column to count').selectOption({ label: '⟨U+202E⟩gnp.exe (dictionary<values=string, indices=int32, ordered=0>)' });
  await page.getByRole('button', { name: 'Count unique values' }).click();
  await expect(page.getByTestId('unique-summary')).toContainText('6 rows, 6 distinct, 0 nulls');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  const cells = csv
    .split('\r\n')
    .slice(1, -1)
    .map((line) => (line.startsWith('"') ? line.slice(0, line.lastIndexOf('",') + 1) : line.split(',')[0]));
  expect(cells.sort()).toEqual(['"\'=HYPERLINK(""http://x"",""y"")"', "'+1+2", "'@SUM(A1)", '-5', '\x1b[2Jcleared', 'plain'].sort());
});

test("a file's metadata keys and values show their invisible characters by code point", async ({ page }) => {
  const plain = tableFromArrays({ n: Int32Array.of(1, 2) });
  const table = new Table(new Schema(plain.schema.fields, new Map([['key\u202e', 'value\u202eevil\x1b[31m']])), plain.batches);
  await page.goto('./');
  await dropFile(page, 'metadata.arrows', [...tableToIPC(table, 'stream')]);
  await page.getByRole('tab', { name: 'Schema' }).click();
  await expect(page.locator('.meta').first()).toContainText('key⟨U+202E⟩: value⟨U+202E⟩evil⟨U+001B⟩[31m');
});
