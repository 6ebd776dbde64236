import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { corpus } from './paths';

/** Serious and critical axe-core violations on the page as it is, one line each (rule, impact, where). */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`));
}

/** Forces a theme with the theme button (it cycles system → light → dark). */
async function forceTheme(page: Page, theme: 'light' | 'dark') {
  const button = page.getByRole('button', { name: /^Theme:/ });
  for (let i = 0; i < 3 && !((await button.getAttribute('aria-label')) ?? '').startsWith(`Theme: ${theme}`); i++) await button.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

for (const theme of ['light', 'dark'] as const) {
  test(`No serious or critical accessibility violation on any view, ${theme} theme`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('./');
    await forceTheme(page, theme);
    const found: Record<string, string[]> = {};
    found['Welcome'] = await seriousViolations(page);

    await page.getByRole('button', { name: 'Open sample' }).click();
    await expect(page.getByTestId('column-summary')).toBeVisible();
    await expect(page.getByTestId('io-meter')).toBeVisible();
    found['Overview'] = await seriousViolations(page);

    await page.getByRole('button', { name: 'Recent ▾' }).click();
    await expect(page.getByRole('menu', { name: 'Recent files' })).toBeVisible();
    found['Recent menu'] = await seriousViolations(page);
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: 'Schema' }).click();
    await expect(page.getByTestId('schema')).toBeVisible();
    found['Schema'] = await seriousViolations(page);

    await page.getByRole('tab', { name: 'Chunks' }).click();
    await page.getByTestId('chunk-list').getByRole('row').nth(1).click();
    await expect(page.getByTestId('chunk-detail')).toContainText('Batch 1');
    found['Chunks'] = await seriousViolations(page);

    await page.getByRole('tab', { name: 'Data' }).click();
    await expect(page.getByTestId('grid')).toContainText('Obama, Barack');
    await page.getByTestId('grid').getByRole('gridcell').first().click();
    found['Data'] = await seriousViolations(page);

    await page.getByRole('tab', { name: 'Unique' }).click();
    await page.getByLabel('Column to count').selectOption({ label: 'contb_receipt_amt (double)' });
    await page.getByRole('button', { name: 'Count unique values' }).click();
    await expect(page.getByTestId('histogram')).toBeVisible();
    found['Unique'] = await seriousViolations(page);

    // A Parquet file: statistics in the column table, pages listed in a row group.
    await page.getByTestId('file-input').setInputFiles(corpus('parquet-testing/data/int32_with_null_pages.parquet'));
    await expect(page.getByTestId('column-summary')).toContainText('bounds');
    found['Parquet overview'] = await seriousViolations(page);
    await page.getByRole('tab', { name: 'Chunks' }).click();
    await page.getByTestId('chunk-list').getByRole('row').first().click();
    await page.getByRole('button', { name: 'List pages of int32_field' }).click();
    await expect(page.getByTestId('pages')).toBeVisible();
    found['Parquet chunks and pages'] = await seriousViolations(page);

    const failures = Object.entries(found).flatMap(([view, list]) => list.map((v) => `${view}: ${v}`));
    expect(failures, failures.join('\n')).toEqual([]);
  });
}

test('The chunk list is one grid that the keyboard can walk: arrows, Home and End select a batch', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Open sample' }).click();
  await page.getByRole('tab', { name: 'Chunks' }).click();
  const grid = page.getByRole('grid', { name: 'Batches' });
  await expect(grid.getByRole('columnheader')).toHaveText(['Batch', 'Rows', 'First row', 'Offset', 'Size']);
  await page.getByTestId('chunk-list').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('chunk-detail')).toContainText('Batch 1: 1,000 rows');
  await page.keyboard.press('End');
  await expect(page.getByTestId('chunk-detail')).toContainText('Batch 3: 1,000 rows');
  await expect(page.getByTestId('chunk-list').getByRole('row', { selected: true })).toHaveAttribute('aria-rowindex', '5');
  await page.keyboard.press('Home');
  await expect(page.getByTestId('chunk-detail')).toContainText('Batch 0: 1,000 rows');
});
