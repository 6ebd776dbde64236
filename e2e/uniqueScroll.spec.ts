import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { Field, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Utf8, makeData } from 'apache-arrow';

/** 5,000,000 rows of one string column, every value distinct: row r holds `u` and r in 7 digits. */
const FILE = join(tmpdir(), 'arrowscope-e2e-distinct-5m.arrows');
const ROWS = 5_000_000;
const BATCHES = 50;
const valueOf = (row: number) => `u${String(row).padStart(7, '0')}`;

/** Written from bytes (8 per value): vectorFromArray would take a minute for 5M strings. */
function writeFile(): void {
  if (existsSync(FILE)) return;
  const schema = new Schema([new Field('value', new Utf8(), false)]);
  const per = ROWS / BATCHES;
  const batches = Array.from({ length: BATCHES }, (_, b) => {
    const valueOffsets = Int32Array.from({ length: per + 1 }, (_, i) => i * 8);
    const data = new Uint8Array(per * 8);
    for (let i = 0; i < per; i++) for (let k = 0; k < 8; k++) data[i * 8 + k] = valueOf(b * per + i).charCodeAt(k);
    const column = makeData({ type: new Utf8(), length: per, nullCount: 0, valueOffsets, data });
    return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: per, nullCount: 0, children: [column] }));
  });
  writeFileSync(FILE, RecordBatchStreamWriter.writeAll(batches).toUint8Array(true));
}

test.beforeAll(writeFile);

/** The rows drawn in the list that hold a value, with their index in the list (0-based) and their value. */
async function drawnRows(list: Locator): Promise<{ index: number; value: string; visible: boolean }[]> {
  return list.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return [...el.querySelectorAll('[role="row"]')].flatMap((row) => {
      const cell = row.querySelector('[role="gridcell"]')?.textContent ?? '…';
      if (cell === '…') return [];
      const r = row.getBoundingClientRect();
      return [{ index: Number(row.getAttribute('aria-rowindex')) - 2, value: cell, visible: r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 }];
    });
  });
}

test('A list of 5,000,000 distinct values scrolls to its last value (scaled like the grid), by the scrollbar and by End', async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(FILE);
  await page.getByRole('tab', { name: 'Unique' }).click();
  await page.getByLabel('Column to count').selectOption({ label: 'value (string)' });
  await page.getByRole('button', { name: 'Count unique values' }).click();
  await expect(page.getByTestId('unique-summary')).toContainText('5,000,000 rows, 5,000,000 distinct, 0 nulls', { timeout: 480_000 });
  const list = page.getByTestId('unique-list');
  await expect(page.getByRole('grid', { name: 'Unique values of value' })).toHaveAttribute('aria-rowcount', String(ROWS + 1));
  // Every count is 1: the list is in the order of first rows, so row r of the list holds row r's value.
  await expect(list.locator('[aria-rowindex="2"]')).toContainText(valueOf(0));
  const height = await list.evaluate((el) => el.scrollHeight);
  expect(height).toBeLessThan(10_000_000); // 5M rows of 26 px (130M px) on a canvas the browser can hold

  // The scrollbar dragged to its end: the last value, in full view.
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const last = list.locator(`[aria-rowindex="${ROWS + 1}"]`);
  await expect(last).toContainText(valueOf(ROWS - 1));
  await expect.poll(async () => (await drawnRows(list)).find((r) => r.index === ROWS - 1)?.visible).toBe(true);
  for (const row of await drawnRows(list)) expect(row.value, `list row ${row.index}`).toBe(valueOf(row.index));

  // Home, then End: the first value, then the last again.
  await list.focus();
  await page.keyboard.press('Home');
  await expect(list.locator('[aria-rowindex="2"]')).toContainText(valueOf(0));
  await page.keyboard.press('End');
  await expect(last).toContainText(valueOf(ROWS - 1));
  // Up one row from the end: a row (two at most, from a part-shown row), not a step scaled by the canvas factor (~16 here).
  const firstShown = async () => Math.min(...(await drawnRows(list)).filter((r) => r.visible).map((r) => r.index));
  const topBefore = await firstShown();
  await page.keyboard.press('ArrowUp');
  await expect.poll(firstShown).toBeLessThan(topBefore);
  expect(topBefore - (await firstShown())).toBeLessThanOrEqual(2);

  // The middle, by the scrollbar: rows there hold their own values.
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await expect.poll(async () => (await drawnRows(list)).filter((r) => r.visible).length).toBeGreaterThan(3);
  const middle = await drawnRows(list);
  for (const row of middle) expect(row.value, `list row ${row.index}`).toBe(valueOf(row.index));
  const shown = middle.filter((r) => r.visible).map((r) => r.index);
  expect(Math.abs(shown[0] / ROWS - 0.5)).toBeLessThan(0.01);
  const counted = await page.getByTestId('unique-summary').textContent();
  const figures = `canvas ${height} px for ${ROWS} values; middle of the scrollbar shows list rows ${shown[0]}..${shown[shown.length - 1]}; ${counted}`;
  test.info().annotations.push({ type: 'figures', description: figures });
  console.log(figures);
});
