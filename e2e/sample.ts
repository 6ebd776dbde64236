import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { tableFromIPC } from 'apache-arrow';

/** The built-in sample (public/sample.arrow: 4,000 FEC rows in 4 batches), read here by apache-arrow: the plain scan e2e specs compare with. */
export type Row = Record<string, unknown>;
export const SAMPLE: Row[] = tableFromIPC(readFileSync('public/sample.arrow'))
  .toArray()
  .map((r: { toJSON(): Row }) => r.toJSON());

/** File row numbers of the sample's rows passing `test`. */
export const scan = (test: (r: Row) => boolean) => SAMPLE.flatMap((r, i) => (test(r) ? [i] : []));
export const grouped = (n: number) => n.toLocaleString('en-US');

/** The link's parameters as the page reads them. */
export const linkParams = (page: Page) => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.hash.slice(1))));

/** The app with the sample open in the Data view. */
export async function openSampleData(page: Page) {
  await page.goto('./');
  await page.getByRole('button', { name: 'Open sample' }).click();
  await page.getByRole('tab', { name: 'Data' }).click();
}
