import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import { TALL_FILE } from './paths';
import { type Row, SAMPLE, openSampleData } from './sample';

/**
 * Export from the Data view (issue 15, item 5): the filtered sample with two columns hidden, in each
 * format, as a download (no save dialog: the path browsers without File System Access take), read back
 * here by apache-arrow, hyparquet or a CSV parse and compared with a plain scan of the sample, then
 * reopened in the app, whose grid must show the rows the filtered view showed. Then the save dialog's
 * path (a stubbed showSaveFilePicker answering with a real file handle), and Cancel mid-export.
 */
const WHERE = "cand_nm = 'Romney, Mitt' AND contb_receipt_amt >= 1000";
const MATCHES = SAMPLE.flatMap((r, i) => (r.cand_nm === 'Romney, Mitt' && (r.contb_receipt_amt as number) >= 1000 ? [i] : []));
const HIDDEN = ['cmte_id', 'cand_id'];
const SHOWN = Object.keys(SAMPLE[0]).filter((n) => !HIDDEN.includes(n));
/** Columns compared cell by cell between the grids (the leftmost, rendered without scrolling). */
const COMPARED = SHOWN.slice(0, 4);
/** RFC 4180 CSV as rows of cells (quoted cells, doubled quotes, CRLF or LF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (c !== '\r') cell += c;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}
const dir = mkdtempSync(join(tmpdir(), 'arrowscope-export-e2e-'));

/** A browser without the save dialog (Firefox, Safari; the export downloads). */
const noSavePicker = (page: Page) => page.addInitScript(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true }));

/** The text of the first `n` rows of `column` in the grid. */
async function columnTexts(page: Page, column: string, n: number): Promise<string[]> {
  const grid = page.getByTestId('grid');
  await grid.evaluate((el) => (el.scrollLeft = 0));
  const header = grid.getByRole('columnheader', { name: new RegExp(`^${column} Menu`) });
  await expect(header).toHaveCount(1);
  const colindex = await header.getAttribute('aria-colindex');
  const rows = grid.locator('.dg-row');
  await expect(rows.nth(n - 1).locator(`[aria-colindex="${colindex}"]`)).not.toHaveText('…');
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push((await rows.nth(i).locator(`[aria-colindex="${colindex}"]`).textContent())!);
  return out;
}

async function gridRows(page: Page, n: number): Promise<string[][]> {
  const columns: string[][] = [];
  for (const c of COMPARED) columns.push(await columnTexts(page, c, n));
  return Array.from({ length: n }, (_, i) => columns.map((c) => c[i]));
}

/** The sample's Data view filtered by WHERE, with HIDDEN hidden. */
async function filteredView(page: Page) {
  await openSampleData(page);
  await page.getByTestId('filter-text').fill(WHERE);
  await page.getByTestId('filter-text').press('Enter');
  await expect(page.getByTestId('filter-status')).toContainText(`${MATCHES.length} matching rows of 4,000 — 100% scanned`);
  await page.getByText('Columns', { exact: true }).click();
  for (const name of HIDDEN) await page.getByRole('checkbox', { name: `Show ${name}` }).uncheck();
  await page.getByText(/^Columns \(2 hidden\)$/).click();
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-colcount', String(SHOWN.length + 1));
}

async function exportAs(page: Page, format: string): Promise<string> {
  const menu = page.getByTestId('export-menu');
  if (!(await menu.evaluate((el) => (el as HTMLDetailsElement).open))) await menu.locator('summary').click();
  await page.getByLabel('Export format').selectOption(format);
  await expect(page.getByText(`All ${MATCHES.length} rows on view (the filter’s matches)`)).toBeVisible();
  await expect(page.getByText(`Shown columns (${SHOWN.length}), in their order`)).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download' }).click();
  const download = await downloading;
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  await expect(page.getByTestId('export-status')).toContainText(`Exported ${MATCHES.length} rows`);
  return path;
}

const plain = (v: unknown) => (v === null || v === undefined ? null : String(v));
const expectedValues = () => MATCHES.map((r) => SHOWN.map((n) => plain(SAMPLE[r][n])));

/** The exported rows, read by a library we did not write. */
async function readExport(path: string): Promise<{ names: string[]; rows: (string | null)[][] }> {
  const bytes = readFileSync(path);
  if (path.endsWith('.parquet')) {
    const objects = (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer })) as Row[];
    const names = Object.keys(objects[0]);
    return { names, rows: objects.map((o) => names.map((n) => plain(o[n]))) };
  }
  const table = tableFromIPC(bytes);
  const names = table.schema.fields.map((f) => f.name);
  return { names, rows: table.toArray().map((r: { toJSON(): Row }) => names.map((n) => plain(r.toJSON()[n]))) };
}

test('Each format exported from a filtered view with hidden columns holds its rows, and reopened in the app shows the same rows', async ({ page }) => {
  test.setTimeout(180_000);
  await noSavePicker(page);
  await filteredView(page);
  const shown = await gridRows(page, 12);
  expect(shown.map((r) => r[0])).toEqual(MATCHES.slice(0, 12).map((r) => SAMPLE[r].cand_nm));

  const csv = await exportAs(page, 'csv');
  expect(csv.endsWith('sample-filtered.csv')).toBe(true);
  // Written to the browser's private file system by the engine worker, not collected in the page.
  await expect(page.getByTestId('export-status')).not.toContainText('held in this page');
  const [head, ...lines] = parseCsv(readFileSync(csv, 'utf8'));
  expect(head).toEqual(SHOWN);
  expect(lines.length).toBe(MATCHES.length);
  expect(lines.slice(0, 12).map((l) => l.slice(0, COMPARED.length))).toEqual(shown);

  for (const [format, ext] of [['arrows', 'arrows'], ['arrow', 'arrow'], ['parquet', 'parquet']]) {
    const path = await exportAs(page, format);
    expect(path.endsWith(`sample-filtered.${ext}`)).toBe(true);
    const back = await readExport(path);
    expect(back.names, format).toEqual(SHOWN);
    expect(back.rows, format).toEqual(expectedValues());

    // Reopened in the app: the same rows, the same columns.
    await page.getByTestId('file-input').setInputFiles(path);
    await page.getByRole('tab', { name: 'Data' }).click();
    const grid = page.getByTestId('grid');
    await expect(grid).toHaveAttribute('aria-rowcount', String(MATCHES.length));
    await expect(grid).toHaveAttribute('aria-colcount', String(SHOWN.length + 1));
    expect(await gridRows(page, 12), format).toEqual(shown);
    // Back to the sample's tab for the next format.
    await page.getByRole('tab', { name: /^sample\.arrow/ }).click();
    await page.getByRole('tab', { name: 'Data' }).click();
  }
});

test('A sorted filtered view is exported in its order, and reopened shows the rows as the sorted view did', async ({ page }) => {
  await noSavePicker(page);
  await filteredView(page);
  const grid = page.getByTestId('grid');
  await grid.evaluate((el) => (el.scrollLeft = 0));
  const menu = page.getByRole('button', { name: 'Menu of contb_receipt_amt', exact: true });
  for (let i = 0; i < 30 && (await menu.count()) === 0; i++) await grid.evaluate((el) => (el.scrollLeft += 300));
  await menu.click();
  await page.getByRole('menuitem', { name: 'Sort descending', exact: true }).click();
  await expect(page.getByTestId('grid-status')).toContainText(`Sorted match 1 of ${MATCHES.length}`);
  const order = [...MATCHES].sort((a, b) => (SAMPLE[b].contb_receipt_amt as number) - (SAMPLE[a].contb_receipt_amt as number) || a - b);
  const shown = await gridRows(page, 12);
  expect(shown.map((r) => r[0])).toEqual(order.slice(0, 12).map((r) => SAMPLE[r].cand_nm));
  await page.getByTestId('export-menu').locator('summary').click();
  await expect(page.getByText(`All ${MATCHES.length} rows on view (the filter’s matches), sorted by contb_receipt_amt:desc`)).toBeVisible();
  await page.getByLabel('Export format').selectOption('parquet');
  await expect(page.getByLabel('Export file name')).toHaveValue('sample-filtered-sorted.parquet');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download' }).click();
  const path = join(dir, (await downloading).suggestedFilename());
  await (await downloading).saveAs(path);
  const back = await readExport(path);
  expect(back.names).toEqual(SHOWN);
  expect(back.rows).toEqual(order.map((r) => SHOWN.map((n) => plain(SAMPLE[r][n]))));
  await page.getByTestId('file-input').setInputFiles(path);
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-rowcount', String(MATCHES.length));
  expect(await gridRows(page, 12)).toEqual(shown);
});

test('Without a private file system either, the bytes come back to the page and are downloaded from there', async ({ page }) => {
  await noSavePicker(page);
  await page.addInitScript(() => Object.defineProperty(StorageManager.prototype, 'getDirectory', { value: undefined, configurable: true }));
  await filteredView(page);
  const path = await exportAs(page, 'arrows');
  await expect(page.getByTestId('export-status')).toContainText(`to sample-filtered.arrows, handed to the browser's downloads (held in this page’s memory`);
  const back = await readExport(path);
  expect(back.names).toEqual(SHOWN);
  expect(back.rows).toEqual(expectedValues());
});

test('With a save dialog the chosen file is written by the engine worker; the selected rows alone can be exported', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { showSaveFilePicker: unknown }).showSaveFilePicker = async (options: { suggestedName: string }) => {
      (window as unknown as { saveOptions: unknown }).saveOptions = options;
      const root = await navigator.storage.getDirectory();
      return root.getFileHandle(`chosen-${options.suggestedName}`, { create: true });
    };
  });
  await filteredView(page);
  // Select view rows 3..9 (shift+click).
  const grid = page.getByTestId('grid');
  await grid.locator('.dg-row').nth(3).getByRole('gridcell').first().click();
  await grid.locator('.dg-row').nth(9).getByRole('gridcell').first().click({ modifiers: ['Shift'] });
  await page.getByTestId('export-menu').locator('summary').click();
  await page.getByLabel('Export format').selectOption('arrows');
  await page.getByText('Selected rows (7: view rows 3–9)').click();
  await expect(page.getByLabel('Export file name')).toHaveValue('sample-filtered-rows-3-9.arrows');
  await page.getByRole('button', { name: 'Save as…' }).click();
  await expect(page.getByTestId('export-status')).toContainText('Exported 7 rows');
  const bytes = await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const file = await (await root.getFileHandle('chosen-sample-filtered-rows-3-9.arrows')).getFile();
    return [...new Uint8Array(await file.arrayBuffer())];
  });
  const table = tableFromIPC(new Uint8Array(bytes));
  expect(table.schema.fields.map((f) => f.name)).toEqual(SHOWN);
  expect(table.toArray().map((r: { toJSON(): Row }) => SHOWN.map((n) => plain(r.toJSON()[n])))).toEqual(expectedValues().slice(3, 10));
});

test('Cancel mid-export of 2,000,000 rows stops it: no download, no file left in the browser storage', async ({ page }) => {
  test.setTimeout(120_000);
  await noSavePicker(page);
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(TALL_FILE);
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByTestId('export-menu').locator('summary').click();
  // CSV: rows in file order to a binary format are gathered by the compute pool in a few seconds, before the menu's accessibility check is done
  await page.getByLabel('Export format').selectOption('csv');
  await expect(page.getByText('All 2,000,000 rows on view')).toBeVisible();
  await page.getByRole('button', { name: 'Download' }).click();
  const status = page.getByTestId('export-status');
  await expect(status).toContainText(/[\d,]+ of 2,000,000 rows written/);
  // The open menu and the progress with its Cancel: no serious or critical accessibility violation.
  const { violations } = await new AxeBuilder({ page }).include('.export-bar').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.getByRole('button', { name: 'Cancel export' }).click();
  await expect(status).toContainText('Export cancelled: no file was written.');
  const left = await page.evaluate(async () => {
    const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('arrowscope-exports');
    const names: string[] = [];
    for await (const name of (folder as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    return names;
  });
  expect(left).toEqual([]);
  expect(downloads).toBe(0);
});
