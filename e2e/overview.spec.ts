import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DateDay, Field, Float64, Int32, RecordBatch, RecordBatchFileWriter, RecordBatchStreamWriter, Schema, Struct, TimestampMillisecond, makeData, vectorFromArray } from 'apache-arrow';
import { dropFile, sampleBytes, stubFilePicker } from './localFiles';
import { corpus, TALL_FILE } from './paths';
import { grouped, SAMPLE } from './sample';

/** 20,000 rows over three years: a UTC timestamp, a date, and an amount where 42.5 occurs once. */
const DATES_FILE = join(tmpdir(), 'arrowscope-e2e-dates.arrow');
const DATES_ROWS = 20_000;

/** An Arrow IPC file of 20 batches of 100,000 rows (24 MB): opened from its footer, with no stream scan. */
const BATCHES_FILE = join(tmpdir(), 'arrowscope-e2e-20-batches.arrow');

function writeBatchesFile(): void {
  if (existsSync(BATCHES_FILE)) return;
  const schema = new Schema([new Field('id', new Int32(), false), new Field('x', new Float64(), true)]);
  const per = 100_000;
  const batches = Array.from({ length: 20 }, (_, b) => {
    const ids = Int32Array.from({ length: per }, (_, i) => b * per + i);
    const xs = vectorFromArray(Array.from({ length: per }, (_, i) => (i % 4 === 0 ? null : i / 7)), new Float64());
    const children = [makeData({ type: new Int32(), length: per, nullCount: 0, data: ids }), xs.data[0]];
    return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: per, nullCount: 0, children }));
  });
  writeFileSync(BATCHES_FILE, RecordBatchFileWriter.writeAll(batches).toUint8Array(true));
}

/** A stream of 1,200 batches of 10 rows: more batches than the column summary counts unasked. */
const MANY_BATCHES_FILE = join(tmpdir(), 'arrowscope-e2e-1200-batches.arrows');

function writeManyBatchesFile(): void {
  if (existsSync(MANY_BATCHES_FILE)) return;
  const schema = new Schema([new Field('n', new Int32(), true)]);
  const batches = Array.from({ length: 1_200 }, (_, b) => {
    const n = vectorFromArray(Array.from({ length: 10 }, (_, i) => (i === 0 ? null : b * 10 + i)), new Int32());
    return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: 10, nullCount: 0, children: [n.data[0]] }));
  });
  writeFileSync(MANY_BATCHES_FILE, RecordBatchStreamWriter.writeAll(batches).toUint8Array(true));
}

test.beforeAll(() => {
  writeBatchesFile();
  writeManyBatchesFile();
  if (existsSync(DATES_FILE)) return;
  const start = Date.UTC(2019, 0, 1);
  const span = Date.UTC(2022, 0, 1) - start;
  const ts = Array.from({ length: DATES_ROWS }, (_, i) => (i % 10 === 9 ? null : start + Math.floor((i / DATES_ROWS) * span)));
  const days = ts.map((t) => (t === null ? null : Math.floor(t / 86_400_000)));
  const amounts = Float64Array.from({ length: DATES_ROWS }, (_, i) => (i === 777 ? 42.5 : (i % 50) * 10));
  const schema = new Schema([new Field('ts', new TimestampMillisecond('UTC'), true), new Field('day', new DateDay(), true), new Field('amount', new Float64(), false)]);
  const children = [
    vectorFromArray(ts.map((t) => (t === null ? null : t)), new TimestampMillisecond('UTC')).data[0],
    vectorFromArray(days.map((d) => (d === null ? null : new Date(d * 86_400_000))), new DateDay()).data[0],
    makeData({ type: new Float64(), length: DATES_ROWS, nullCount: 0, data: amounts }),
  ];
  const batch = new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: DATES_ROWS, nullCount: 0, children }));
  writeFileSync(DATES_FILE, RecordBatchFileWriter.writeAll([batch]).toUint8Array(true));
});

async function view(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
}

async function countUnique(page: Page, label: string) {
  await view(page, 'Unique');
  await page.getByLabel('Column to count').selectOption({ label });
  await page.getByRole('button', { name: 'Count unique values' }).click();
  await expect(page.getByTestId('profile')).toBeVisible({ timeout: 30_000 });
}

/** The row of the column summary table for `column`, as its cells' texts. */
async function summaryRow(page: Page, column: string): Promise<string[]> {
  const row = page.getByTestId('column-summary').locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: column, exact: false }) });
  await expect(row).toHaveCount(1); // the table draws its first rows a frame before the others
  return row.locator('th, td').allInnerTexts();
}

test('The Overview sums every column of a Parquet file from its footer: type, nulls, sizes, codec, encodings, share', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(corpus('parquet-testing/data/alltypes_plain.parquet'));
  await expect(page.getByTestId('column-summary-status')).toHaveText('From the footer of all 1 row group; no value was read.');
  const table = page.getByTestId('column-summary');
  await expect(table.locator('tbody tr')).toHaveCount(11);
  const [name, type, nulls, onDisk, uncompressed, codec, encodings, share] = await summaryRow(page, 'id');
  expect(name.trim()).toMatch(/id$/);
  expect(type).toBe('int32');
  expect(nulls).toBe('—'); // this writer stored no statistics
  expect(onDisk).toMatch(/^\d+ B$/);
  expect(uncompressed).toMatch(/^\d+ B$/);
  expect(codec).toBe('UNCOMPRESSED');
  expect(encodings).toContain('PLAIN_DICTIONARY');
  expect(share).toMatch(/^\d+\.\d+%$/);
  await expect(table.locator('thead')).not.toContainText('Min … max');
  const total = table.locator('tfoot tr').first();
  await expect(total).toContainText('All columns');
  const totalShare = Number(/([\d.]+)%/.exec(await total.innerText())![1]);
  expect(totalShare).toBeGreaterThan(0);
  expect(totalShare).toBeLessThan(100);

  // Where the writer stored statistics, they give nulls, and min and max.
  await page.getByTestId('file-input').setInputFiles(corpus('parquet-testing/data/int32_with_null_pages.parquet'));
  await expect(page.getByTestId('column-summary-status')).toHaveText('From the footer of all 1 row group; no value was read.');
  const row = await summaryRow(page, 'int32_field');
  expect(row[2]).toBe('275 (27.5%)');
  expect(row.at(-1)).toBe('-2136906554 … 2145722375 (bounds)');
});

test('The Overview sums every column of an Arrow file from its message headers: exact null counts, no codec', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Open sample' }).click();
  await expect(page.getByTestId('column-summary-status')).toHaveText('From the message headers of all 4 batches; no value was read.');
  const [, type, nulls, onDisk, uncompressed, codec] = await summaryRow(page, 'memo_cd');
  expect(type).toBe('string');
  expect(nulls).toBe('3,615 (90.4%)');
  expect(onDisk).toMatch(/KiB$/);
  expect(uncompressed).toBe(onDisk);
  expect(codec).toBe('uncompressed');
});

test('Every column of a file wider than the table\'s first frame is listed with its own null count', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Open sample' }).click();
  await expect(page.getByTestId('column-summary-status')).toHaveText('From the message headers of all 4 batches; no value was read.');
  // public/sample.arrow: 16 columns (the table's first frame draws 4), nulls counted here with apache-arrow.
  const columns = Object.keys(SAMPLE[0]);
  expect(columns.length).toBe(16);
  await expect(page.getByTestId('column-summary').locator('tbody tr')).toHaveCount(columns.length);
  for (const column of columns) {
    const nulls = SAMPLE.filter((r) => r[column] === null).length;
    const [name, , shown] = await summaryRow(page, column);
    expect(name.trim()).toMatch(new RegExp(`${column}$`));
    expect(shown.split(' ')[0]).toBe(grouped(nulls));
  }
});

test('The column summary reads metadata only: the footer and 20 batch headers of a 24 MB file, not its values', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(BATCHES_FILE);
  await expect(page.getByTestId('column-summary-status')).toHaveText('From the message headers of all 20 batches; no value was read.');
  const [, , nulls] = await summaryRow(page, 'x');
  expect(nulls).toBe('500,000 (25.0%)');
  const meter = page.getByTestId('io-meter');
  await expect(meter).toContainText('of the file');
  // A 64 KiB cache block per batch header at most: about 5% of the file.
  const read = Number(/\(([\d.]+)% of the file\)/.exec(await meter.innerText())![1]);
  expect(read).toBeLessThan(7);
});

test('A stream still being indexed is summed as its batches are found', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(TALL_FILE);
  await expect(page.getByTestId('column-summary-status')).toHaveText('From the message headers of all 20 batches; no value was read.', { timeout: 30_000 });
  const [, , nulls] = await summaryRow(page, 'label');
  expect(nulls).toBe('285,715 (14.3%)');
});

test('Past 1,000 batches the summary stops and says so; it counts the rest when asked', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(MANY_BATCHES_FILE);
  const status = page.getByTestId('column-summary-status');
  await expect(status).toContainText('From the first 1,000 of 1,200 batches only', { timeout: 30_000 });
  expect((await summaryRow(page, 'n'))[2]).toBe('1,000');
  await status.getByRole('button', { name: 'Count all batches' }).click();
  await expect(status).toHaveText('From the message headers of all 1,200 batches; no value was read.', { timeout: 30_000 });
  expect((await summaryRow(page, 'n'))[2]).toBe('1,200 (10.0%)');
});

test('The reads meter says what it counts and never shows more than 100%; the Parquet decoder line only on Parquet tabs', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(corpus('parquet-testing/data/alltypes_plain.parquet'));
  await view(page, 'Data');
  await expect(page.getByTestId('grid').getByRole('gridcell').first()).toHaveText('4');
  await view(page, 'Chunks');
  await page.getByTestId('chunk-list').getByRole('row').first().click();
  await page.getByRole('button', { name: 'List pages of id' }).click();
  await view(page, 'Overview');
  const meter = page.getByTestId('io-meter');
  await expect(meter).toContainText('Read again');
  await expect(meter).toContainText('Block cache holds');
  await expect(meter).toContainText('Parquet decoder (wasm) memory');
  await expect(meter).toContainText(/Read[\s\S]*of 1\.81 KiB \(\d/);
  const shown = Number(/\(([\d.]+)% of the file\)/.exec(await meter.innerText())![1]);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThanOrEqual(100);
  expect(Number(await page.getByRole('meter', { name: 'Share of the file read' }).getAttribute('aria-valuenow'))).toBeLessThanOrEqual(100);

  await page.getByRole('button', { name: 'Open sample' }).click();
  await expect(page.getByTestId('overview')).toContainText('Arrow IPC file');
  await expect(page.getByTestId('io-meter')).toContainText('Reads');
  await expect(page.getByTestId('io-meter')).not.toContainText('Parquet');
});

test('A histogram has an x axis in the column\'s units, y counts and bin ranges on hover; top values are bars with counts', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Open sample' }).click();
  await countUnique(page, 'contb_receipt_amt (double)');
  const histogram = page.getByTestId('histogram');
  await expect(histogram.getByTestId('x-axis').locator('.tick text')).toHaveText(['-2,000', '-1,000', '0', '1,000', '2,000']);
  await expect(histogram.getByTestId('x-axis')).toContainText('contb_receipt_amt');
  await expect(histogram.getByTestId('y-axis')).toContainText('rows');
  expect(await histogram.getByTestId('y-axis').locator('text').allTextContents()).toEqual(expect.arrayContaining(['0', '1K', '2K']));
  const bin = histogram.locator('.bin').first();
  await expect(bin.locator('title')).toHaveText(/^-2500 … -2333\.33: \d+ rows \([\d.]+%\)$/);
  await histogram.locator('.bin').nth(15).hover();
  await expect(histogram.getByTestId('bin-readout')).toHaveText(/^0 … 166\.667: 2,\d{3} rows \(\d\d\.\d%\)$/);
  const top = page.getByTestId('top-values').getByRole('listitem');
  await expect(top).toHaveCount(10);
  await expect(top.first()).toHaveText(/^25\.0\s*610 \(15\.3%\)$/);
});

test('Dates and timestamps: axis ticks are dates, bin ranges timestamps; fact cards never break a value', async ({ page }) => {
  await page.setViewportSize({ width: 760, height: 900 });
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(DATES_FILE);
  await countUnique(page, 'ts (timestamp[ms, tz=UTC])');
  const ticks = page.getByTestId('x-axis').locator('.tick text');
  await expect(ticks.first()).toHaveText(/^20(19|20|21|22)(-\d\d)?$/);
  expect((await ticks.allTextContents()).length).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('x-axis')).toContainText('ts (UTC)');
  await expect(page.locator('.bin title').first()).toHaveText(/^2019-01-01 00:00:00Z … 2019-02-\d\d \d\d:\d\d:\d\d(\.\d+)?Z: [\d,]+ rows/);
  // Every card shows its value on one line, however narrow the page.
  const lines = await page.getByTestId('profile').locator('.facts dd').evaluateAll((dds) =>
    dds.map((dd) => {
      const range = document.createRange();
      range.selectNodeContents(dd);
      return { text: dd.textContent, lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
    }),
  );
  expect(lines.find((l) => l.text?.startsWith('2019'))).toBeTruthy();
  for (const l of lines) expect(l, `"${l.text}" is on one line`).toMatchObject({ lines: 1 });

  await page.getByLabel('Column to count').selectOption({ label: 'day (date32[day])' });
  await page.getByRole('button', { name: 'Count unique values' }).click();
  await expect(page.getByTestId('x-axis').locator('.tick text').first()).toHaveText(/^20(19|20|21)(-\d\d)?$/);
  await expect(page.locator('.bin title').first()).toHaveText(/^2019-01-01 … 2019-02-\d\d: [\d,]+ rows/);
});

test('A column holding ±infinity says how many rows the histogram leaves out; a column of one value is one bar, named by it', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(join(process.cwd(), 'tests/worker/fixtures/histogram.arrows'));
  await countUnique(page, 'with_inf (double)');
  await expect(page.getByTestId('profile')).toContainText('2 rows hold ±infinity, not drawn');
  await expect(page.locator('.bin title').first()).toHaveText(/^1 … 1\.03333: 1 rows/);
  await page.getByLabel('Column to count').selectOption({ label: 'constant (double)' });
  await page.getByRole('button', { name: 'Count unique values' }).click();
  const histogram = page.getByTestId('histogram');
  await expect(histogram.locator('.bin title')).toHaveText(['0.1: 5 rows (7.46%)']);
  await expect(histogram.getByTestId('x-axis').locator('.tick text')).toHaveText(['0.1']);
  const [bar, axis] = await Promise.all([histogram.locator('.bar').boundingBox(), histogram.getByTestId('x-axis').locator('line').first().boundingBox()]);
  expect(bar!.width).toBeGreaterThan(axis!.width * 0.9);
});

test('Shares have enough digits to be non-zero, and their bars are never zero wide', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(DATES_FILE);
  await countUnique(page, 'amount (double)');
  await page.getByLabel('Search values').fill('42.5');
  const row = page.getByTestId('unique-list').getByRole('row').first();
  await expect(row).toHaveText(/^42\.5\s*1\s*0\.0050%$/);
  const bar = await row.locator('.share-fill').boundingBox();
  expect(bar!.width).toBeGreaterThanOrEqual(1);
  // The nulls card of a column with none, and one with some.
  await expect(page.getByTestId('profile')).toContainText('0 (0%)');
});

test('Jumping from a unique value selects the counted column', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Open sample' }).click();
  await countUnique(page, 'cand_nm (string)');
  const first = page.getByTestId('unique-list').getByRole('row').first();
  await expect(first).toContainText('Obama, Barack'); // a '…' placeholder row does not jump
  await first.click();
  await expect(page.getByRole('tab', { name: 'Data', selected: true })).toBeVisible();
  const cell = page.locator('.grid-cell.selected');
  await expect(cell).toHaveText('Obama, Barack');
  const colindex = await cell.getAttribute('aria-colindex');
  await expect(page.locator(`[role="columnheader"][aria-colindex="${colindex}"]`)).toContainText('cand_nm');
});

test('Recent files: every local file opened is listed in a menu that is there while files are open', async ({ page }) => {
  const bytes = sampleBytes();
  await stubFilePicker(page, 'picked-recent.arrow', bytes);
  await page.goto('./');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await expect(page.getByRole('tab', { name: 'picked-recent.arrow' })).toBeVisible();
  // A file from the file input has no handle: it is listed as a hint to choose again.
  await page.getByTestId('file-input').setInputFiles(corpus('parquet-testing/data/alltypes_plain.parquet'));
  await expect(page.getByRole('tab', { name: 'alltypes_plain.parquet' })).toBeVisible();

  // A dropped file too (a synthetic drop gives no handle).
  await dropFile(page, 'dropped-recent.arrow', bytes);
  await expect(page.getByRole('tab', { name: 'dropped-recent.arrow' })).toBeVisible();

  await page.getByRole('button', { name: 'Recent ▾' }).click();
  const menu = page.getByRole('menu', { name: 'Recent files' });
  await expect(menu.getByRole('menuitem')).toHaveText([/^dropped-recent\.arrow.*choose again…$/, /^alltypes_plain\.parquet.*choose again…$/, /^picked-recent\.arrow\s*712\.1 KiB/, 'Clear this list']);
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  await page.getByRole('button', { name: 'Close picked-recent.arrow' }).click();
  await page.getByRole('button', { name: 'Recent ▾' }).click();
  await menu.getByRole('menuitem', { name: /picked-recent\.arrow/ }).click();
  await expect(page.getByRole('tab', { name: 'picked-recent.arrow' })).toBeVisible();
  await expect(page.getByTestId('overview')).toContainText('4,000');
});
