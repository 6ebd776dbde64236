import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { Field, Int32, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Utf8, makeData, vectorFromArray } from 'apache-arrow';

/** A stream of 5,000 batches of 20 rows of varying sizes (many message headers to walk). */
const MANY_FILE = join(tmpdir(), 'arrowscope-e2e-5000-batches.arrows');
const BATCHES = 5_000;
const ROWS = 20;

function writeManyFile(): void {
  if (existsSync(MANY_FILE)) return;
  const schema = new Schema([new Field('n', new Int32(), false), new Field('s', new Utf8(), true)]);
  const batches = Array.from({ length: BATCHES }, (_, b) => {
    const n = vectorFromArray(Int32Array.from({ length: ROWS }, (_, i) => b * ROWS + i));
    const s = vectorFromArray(Array.from({ length: ROWS }, (_, i) => 'x'.repeat((b + i) % 17)), new Utf8());
    return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: ROWS, nullCount: 0, children: [n.data[0], s.data[0]] }));
  });
  writeFileSync(MANY_FILE, RecordBatchStreamWriter.writeAll(batches).toUint8Array(true));
}

/** The Overview's facts once the whole index is known. */
async function indexedFacts(page: Page): Promise<{ batches: string; rows: string; indexed: string }> {
  const overview = page.getByTestId('overview');
  await expect(overview).toContainText(/Indexed in[\d.]+ ms/, { timeout: 60_000 });
  const text = (await overview.textContent()) ?? '';
  return {
    batches: /Record batches([\d,]+)/.exec(text)?.[1] ?? '',
    rows: /Rows([\d,]+)/.exec(text)?.[1] ?? '',
    indexed: /Indexed in(.*? ms(?: \([^)]*\))?)/.exec(text)?.[1] ?? '',
  };
}

/** Waits until the engine worker has written the kept index to IndexedDB (it does so after the walk). */
async function keptIndexWritten(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const r = indexedDB.open('arrowscope-kept-indexes');
              r.onsuccess = () => {
                const db = r.result;
                if (!db.objectStoreNames.contains('keptAt')) return resolve((db.close(), 0));
                const c = db.transaction('keptAt').objectStore('keptAt').count();
                c.onsuccess = () => resolve((db.close(), c.result));
              };
              r.onerror = () => resolve(0);
            }),
        ),
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
}

test('A stream opened again takes the index kept by its first open: same batches and rows, and the Overview says so', async ({ page }) => {
  writeManyFile();
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(MANY_FILE);
  const first = await indexedFacts(page);
  expect(first).toMatchObject({ batches: '5,000', rows: (BATCHES * ROWS).toLocaleString('en-US') });
  expect(first.indexed).not.toContain('kept');
  await keptIndexWritten(page);
  await page.getByRole('tab', { name: 'Data' }).click();
  const lastCell = async () => {
    await page.getByTestId('goto').fill(`${BATCHES - 1}:${ROWS - 1}`);
    await page.getByTestId('goto').press('Enter');
    const row = page.getByTestId('grid').locator(`[aria-rowindex="${BATCHES * ROWS}"]`);
    await expect(row.getByRole('gridcell').first()).toHaveText(String(BATCHES * ROWS - 1));
  };
  await lastCell();

  await page.getByRole('button', { name: 'Close arrowscope-e2e-5000-batches.arrows' }).click();
  await page.getByTestId('file-input').setInputFiles(MANY_FILE);
  const second = await indexedFacts(page);
  expect(second.batches).toBe(first.batches);
  expect(second.rows).toBe(first.rows);
  expect(second.indexed).toContain('(index kept from an earlier open)');
  // Its batches read as before: the last row's value from the last batch, its header checked as it is read.
  await page.getByRole('tab', { name: 'Data' }).click();
  await lastCell();
});
