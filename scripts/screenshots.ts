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
await browser.close();
