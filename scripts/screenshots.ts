/** Renders README screenshots of the main views from the built app (npm run build first; vite preview on 4173). */
import { chromium } from '@playwright/test';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
await page.goto('http://localhost:4173/');
await page.getByRole('button', { name: 'Open sample' }).click();
await page.getByTestId('overview').waitFor();
await page.waitForTimeout(600);
await page.screenshot({ path: 'docs/screenshot-overview.png' });
for (const [tab, file] of [['Schema', 'schema'], ['Chunks', 'chunks'], ['Data', 'data']] as const) {
  await page.getByRole('tab', { name: tab }).click();
  if (tab === 'Chunks') await page.getByTestId('chunk-list').getByRole('row').nth(1).click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: `docs/screenshot-${file}.png` });
}
await page.getByRole('tab', { name: 'Unique' }).click();
await page.getByLabel('Column to count').selectOption({ label: 'contb_receipt_amt (Float64)' });
await page.getByRole('button', { name: 'Count unique values' }).click();
await page.getByTestId('profile').waitFor();
await page.waitForTimeout(400);
await page.screenshot({ path: 'docs/screenshot-unique.png' });

// A Parquet row group with one column chunk's pages listed, in the dark theme.
const corpus = process.env.CORPUS_DIR ?? '../shared/corpus';
const dark = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: 'dark' });
await dark.goto('http://localhost:4173/');
await dark.getByTestId('file-input').setInputFiles(`${corpus}/parquet-testing/data/alltypes_dictionary.parquet`);
await dark.getByRole('tab', { name: 'Chunks' }).click();
await dark.getByTestId('chunk-list').getByRole('row').first().click();
await dark.getByRole('button', { name: 'List pages of string_col' }).click();
await dark.getByTestId('pages').scrollIntoViewIfNeeded();
await dark.waitForTimeout(400);
await dark.screenshot({ path: 'docs/screenshot-pages-dark.png' });
await browser.close();
