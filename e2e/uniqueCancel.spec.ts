import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page, type Worker } from '@playwright/test';
import { cancelCountMs } from './cancelCount';
import { Field, Float64, RecordBatch, RecordBatchStreamWriter, Schema, Struct, makeData } from 'apache-arrow';

/** 30,000 batches of 10 doubles: a compute worker opening it walks 30,000 message headers first (seconds). */
const FILE = join(tmpdir(), 'arrowscope-e2e-30k-batches.arrows');
const BATCHES = 30_000;
const PER = 10;

function writeFile(): void {
  if (existsSync(FILE)) return;
  const schema = new Schema([new Field('x', new Float64(), false)]);
  const batches = Array.from({ length: BATCHES }, (_, b) => {
    const column = makeData({ type: new Float64(), length: PER, nullCount: 0, data: Float64Array.from({ length: PER }, (_, i) => (b * PER + i) % 12_345) });
    return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: PER, nullCount: 0, children: [column] }));
  });
  writeFileSync(FILE, RecordBatchStreamWriter.writeAll(batches).toUint8Array(true));
}

test.beforeAll(writeFile);

/** The compute pool's workers alive in the page (the engine worker is another script). */
const poolWorkers = (page: Page): Worker[] => page.workers().filter((w) => /poolWorker/.test(w.url()));

test('A unique count cancelled while the compute workers still open the file ends at once, and its workers are stopped', async ({ page }) => {
  test.setTimeout(300_000);
  const closed = new Set<Worker>();
  page.on('worker', (w) => w.on('close', () => closed.add(w)));
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(FILE);
  await page.getByRole('tab', { name: 'Unique' }).click();
  await page.getByLabel('Column to count').selectOption({ label: 'x (double)' });
  await page.getByRole('button', { name: 'Count unique values' }).click();
  const progress = page.getByTestId('unique-progress');
  await expect(progress).toBeVisible();
  // The engine's own index first, then workers lent to the count, each opening the file itself: cancelled
  // as soon as they appear (while they open it, or as soon after as this page can tell).
  const lending = await page.evaluate(() => Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2)));
  await expect.poll(() => poolWorkers(page).length, { timeout: 120_000, intervals: [20] }).toBe(lending);
  const lent = poolWorkers(page);
  const shown = (await progress.textContent()) ?? '';
  const cancelMs = await cancelCountMs(page);
  expect(cancelMs).toBeLessThan(1000); // a cancel waiting for the workers to open the file and count would show here
  await expect(page.getByTestId('unique-summary')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Count unique values' })).toBeEnabled();
  // The count's workers are stopped (not left indexing a file nobody waits for).
  await expect.poll(() => lent.filter((w) => closed.has(w)).length).toBe(lent.length);
  test.info().annotations.push({ type: 'figures', description: `cancel took effect in ${cancelMs.toFixed(0)} ms (click to progress gone); ${lent.length} workers lent, progress at the cancel: "${shown}"` });
  console.log(`cancel ${cancelMs.toFixed(0)} ms; ${lent.length} workers; progress at the cancel: "${shown}"`);
});
