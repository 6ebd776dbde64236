import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { cancelCountMs } from './cancelCount';
import { Field, Int32, Null, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Utf8, makeData, vectorFromArray } from 'apache-arrow';

/** 240 bytes: a Null column of 10⁹ rows (a Null column has no buffers). */
const NULL_FILE = join(tmpdir(), 'arrowscope-e2e-null-1e9.arrows');
/** Counts that take seconds: distinct strings in 40 batches (counted by the compute pool) or in one (by the engine worker itself). */
const SLOW_FILES = [
  { name: 'arrowscope-e2e-distinct-4m.arrows', batches: 40, rows: 100_000, where: 'in the compute pool' },
  { name: 'arrowscope-e2e-distinct-2m-one-batch.arrows', batches: 1, rows: 2_000_000, where: 'in the engine worker (one batch)' },
];
/** 100,000 rows of one int32 column holding 1000 + 7 × row. */
const SMALL_FILE = join(tmpdir(), 'arrowscope-e2e-ints-100k.arrows');
const SMALL_ROWS = 100_000;

function batchOf(schema: Schema, length: number, children: ReturnType<typeof makeData>[]): RecordBatch {
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length, nullCount: 0, children }));
}

function writeFiles(): void {
  if (!existsSync(NULL_FILE)) {
    const schema = new Schema([new Field('nothing', new Null(), true)]);
    writeFileSync(NULL_FILE, RecordBatchStreamWriter.writeAll([batchOf(schema, 1e9, [makeData({ type: new Null(), length: 1e9 })])]).toUint8Array(true));
  }
  if (!existsSync(SMALL_FILE)) {
    const schema = new Schema([new Field('i', new Int32(), false)]);
    const ints = makeData({ type: new Int32(), length: SMALL_ROWS, nullCount: 0, data: Int32Array.from({ length: SMALL_ROWS }, (_, r) => 1000 + 7 * r) });
    writeFileSync(SMALL_FILE, RecordBatchStreamWriter.writeAll([batchOf(schema, SMALL_ROWS, [ints])]).toUint8Array(true));
  }
  for (const f of SLOW_FILES) {
    const path = join(tmpdir(), f.name);
    if (existsSync(path)) continue;
    const schema = new Schema([new Field('key', new Utf8(), false)]);
    const batches = Array.from({ length: f.batches }, (_, b) => {
      const keys = vectorFromArray(Array.from({ length: f.rows }, (_, i) => `key ${b * f.rows + i} of the slow file`), new Utf8());
      return batchOf(schema, f.rows, [keys.data[0]]);
    });
    writeFileSync(path, RecordBatchStreamWriter.writeAll(batches).toUint8Array(true));
  }
}

test.beforeAll(writeFiles);

const fileTab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Open files' }).getByRole('tab', { name });
const view = (page: Page, name: string) => page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name });

async function startCount(page: Page, column: string) {
  await view(page, 'Unique').click();
  await page.getByLabel('Column to count').selectOption({ label: column });
  await page.getByRole('button', { name: 'Count unique values' }).click();
}

test('Unique of a 10⁹-row Null column answers at once: one null entry counting every row', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(NULL_FILE);
  await startCount(page, 'nothing (null)');
  await expect(page.getByTestId('unique-summary')).toContainText('1,000,000,000 rows, 0 distinct, 1,000,000,000 nulls', { timeout: 10_000 });
  const rows = page.getByTestId('unique-list').getByRole('row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('null');
  await expect(rows.first()).toContainText('1,000,000,000');
});

for (const slow of SLOW_FILES) {
  test(`A long count ${slow.where}: another file’s Data view answers while it runs, and Cancel stops it at once`, async ({ page }) => {
    await page.goto('./');
    await page.getByTestId('file-input').setInputFiles(SMALL_FILE);
    await page.getByTestId('file-input').setInputFiles(join(tmpdir(), slow.name));
    await expect(fileTab(page, slow.name)).toHaveAttribute('aria-selected', 'true');
    await startCount(page, 'key (string)');
    const progress = page.getByTestId('unique-progress');
    await expect(progress).toBeVisible();

    // Meanwhile, the other file's rows: asked for and shown while the count goes on.
    await fileTab(page, 'arrowscope-e2e-ints-100k.arrows').click();
    await view(page, 'Data').click();
    const shownAt = Date.now();
    await expect(page.getByTestId('grid').locator('[aria-rowindex="5"]').getByRole('gridcell').first()).toHaveText('1028');
    const rowsMs = Date.now() - shownAt;
    expect(rowsMs).toBeLessThan(2000); // not after the count: it is still running (checked next)

    // Back to the count, still running, and cancelled.
    await fileTab(page, slow.name).click();
    await expect(progress).toBeVisible();
    const cancelMs = await cancelCountMs(page);
    expect(cancelMs).toBeLessThan(1000); // a behavioural bound for a shared machine; the figure is reported below
    await expect(progress).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Count unique values' })).toBeEnabled();
    await expect(page.getByTestId('unique-summary')).toHaveCount(0);
    test.info().annotations.push({ type: 'figures', description: `rows of the other file shown in ${rowsMs} ms during the count; cancel took effect in ${cancelMs.toFixed(0)} ms (click to progress gone)` });
    console.log(`${slow.where}: other file's rows ${rowsMs} ms during the count; cancel ${cancelMs.toFixed(0)} ms`);
  });
}

test('Another file’s rows keep answering through a whole count in the pool, to its merged end', async ({ page }) => {
  test.setTimeout(120_000);
  const slow = SLOW_FILES[0];
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(SMALL_FILE);
  await page.getByTestId('file-input').setInputFiles(join(tmpdir(), slow.name));
  await startCount(page, 'key (string)');
  await expect(page.getByTestId('unique-progress')).toBeVisible();
  const jumps: number[] = [];
  for (let round = 0; round < 60; round++) {
    await fileTab(page, 'arrowscope-e2e-ints-100k.arrows').click();
    await view(page, 'Data').click();
    for (let k = 0; k < 4; k++) {
      const row = (round * 4 + k) * 7919 % SMALL_ROWS; // a new block of rows each time: the engine is asked
      const started = Date.now();
      await page.getByTestId('goto').fill(String(row));
      await page.getByTestId('goto').press('Enter');
      await expect(page.getByTestId('grid').locator(`[aria-rowindex="${row + 1}"]`).getByRole('gridcell').first()).toHaveText(String(1000 + 7 * row));
      jumps.push(Date.now() - started);
    }
    await fileTab(page, slow.name).click();
    if ((await page.getByTestId('unique-summary').count()) > 0) break;
  }
  await expect(page.getByTestId('unique-summary')).toContainText('4,000,000 rows, 4,000,000 distinct', { timeout: 60_000 });
  const worst = Math.max(...jumps);
  console.log(`${jumps.length} jumps in the other file during the count: median ${jumps.sort((a, b) => a - b)[jumps.length >> 1]} ms, worst ${worst} ms`);
  // Nothing waits for the count, its merge included (4M values merged in one piece take seconds, measured in
  // Node); jumps are slower meanwhile only because the pool's workers take both cores.
  expect(worst).toBeLessThan(3000);
});
