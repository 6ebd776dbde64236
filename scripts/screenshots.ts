/**
 * Renders the README screenshots of every view from the built app (npm run build first; vite preview on
 * 4173, or SCREENSHOT_URL). The whole-file column summary is shown for a generated 4-row-group Parquet file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const url = process.env.SCREENSHOT_URL ?? 'http://localhost:4173/';
const corpus = process.env.CORPUS_DIR ?? '../shared/corpus';
const parquet = join(tmpdir(), 'arrowscope-screenshot-fec.parquet');
if (!existsSync(parquet)) {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/gen.ts', '--copies', '4', '--rows', '50000', '--format', 'parquet', '--out', parquet], { stdio: 'inherit' });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// The Overview of a Parquet file: facts, the reads meter and every column over the whole file.
const tall = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
await tall.goto(url);
await tall.getByTestId('file-input').setInputFiles(parquet);
await tall.getByTestId('column-summary-status').filter({ hasText: 'From the footer of all 4 row groups' }).waitFor();
await tall.waitForTimeout(600);
await tall.screenshot({ path: 'docs/screenshot-overview.png' });
await tall.close();

const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: 'light' });
await page.goto(url);
await page.getByRole('button', { name: 'Open sample' }).click();
await page.getByTestId('overview').waitFor();
for (const [tab, file] of [['Schema', 'schema'], ['Chunks', 'chunks'], ['Data', 'data']] as const) {
  await page.getByRole('tab', { name: tab }).click();
  if (tab === 'Chunks') await page.getByTestId('chunk-list').getByRole('row').nth(1).click();
  if (tab === 'Data') await page.getByTestId('grid').getByText('Obama, Barack').first().waitFor();
  await page.waitForTimeout(600);
  await page.screenshot({ path: `docs/screenshot-${file}.png` });
}

// A profile: the histogram with its axes and the most frequent values.
const unique = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
await unique.goto(url);
await unique.getByRole('button', { name: 'Open sample' }).click();
await unique.getByRole('tab', { name: 'Unique' }).click();
await unique.getByLabel('Column to count').selectOption({ label: 'contb_receipt_amt (double)' });
await unique.getByRole('button', { name: 'Count unique values' }).click();
await unique.getByTestId('histogram').waitFor();
await unique.locator('.bin').nth(15).hover();
await unique.waitForTimeout(400);
await unique.screenshot({ path: 'docs/screenshot-unique.png' });

// A Parquet row group with one column chunk's pages listed, in the dark theme.
const dark = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: 'dark' });
await dark.goto(url);
await dark.getByTestId('file-input').setInputFiles(`${corpus}/parquet-testing/data/alltypes_dictionary.parquet`);
await dark.getByRole('tab', { name: 'Chunks' }).click();
await dark.getByTestId('chunk-list').getByRole('row').first().click();
await dark.getByRole('button', { name: 'List pages of string_col' }).click();
await dark.getByTestId('pages').scrollIntoViewIfNeeded();
await dark.waitForTimeout(400);
await dark.screenshot({ path: 'docs/screenshot-pages-dark.png' });
await browser.close();
