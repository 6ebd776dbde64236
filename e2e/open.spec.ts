import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dropFile, sampleBytes, stubFilePicker } from './localFiles';
import { corpus, TALL_FILE } from './paths';

async function view(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
}

test('Open sample shows overview, schema, chunks with buffers, and values', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Open sample' }).click();
  const overview = page.getByTestId('overview');
  await expect(overview).toContainText('Arrow IPC file');
  await expect(overview).toContainText('4,000');
  await expect(page.getByTestId('io-meter')).toContainText('Read');

  await view(page, 'Schema');
  await expect(page.getByTestId('schema')).toContainText('cand_nm');
  await expect(page.getByTestId('schema')).toContainText('double');

  await view(page, 'Chunks');
  await expect(page.getByTestId('chunk-list').getByRole('row')).toHaveCount(4);
  await page.getByTestId('chunk-list').getByRole('row').nth(1).click();
  const detail = page.getByTestId('chunk-detail');
  await expect(detail).toContainText('Batch 1: 1,000 rows');
  await expect(detail).toContainText('offsets @');

  await view(page, 'Data');
  const grid = page.getByTestId('grid');
  await expect(grid.getByRole('gridcell').first()).toHaveText(/^C00\d+$/);
  await expect(grid).toContainText('Obama, Barack');
});

test('A corpus file opened with the file input shows nested values', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(corpus('arrow-testing/data/arrow-ipc-stream/integration/cpp-21.0.0/generated_nested.stream'));
  await expect(page.getByTestId('overview')).toContainText('Arrow IPC stream');
  await view(page, 'Schema');
  await expect(page.getByTestId('schema')).toContainText('struct<f1: int32, f2: string>');
  await view(page, 'Data');
  await expect(page.getByTestId('grid').getByRole('gridcell').first()).not.toHaveText('…');
});

test('Dropping a file opens it', async ({ page }) => {
  await page.goto('./');
  await dropFile(page, 'dropped.arrow', sampleBytes());
  await expect(page.getByRole('tab', { name: 'dropped.arrow' })).toBeVisible();
  await expect(page.getByTestId('overview')).toContainText('4,000');
});

test('The Open button uses showOpenFilePicker where the browser has it', async ({ page }) => {
  const bytes = sampleBytes();
  await page.addInitScript((data) => {
    (window as unknown as { showOpenFilePicker: unknown }).showOpenFilePicker = async () => [
      { kind: 'file', name: 'picked.arrow', getFile: async () => new File([new Uint8Array(data)], 'picked.arrow') },
    ];
  }, bytes);
  await page.goto('./');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await expect(page.getByRole('tab', { name: 'picked.arrow' })).toBeVisible();
  await expect(page.getByTestId('overview')).toContainText('4,000');
});

test('A corrupt file shows a clear error in place and the app stays usable', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(corpus('arrow-testing/data/arrow-ipc-file/clusterfuzz-testcase-minimized-arrow-ipc-file-fuzz-5664782210564096'));
  await expect(page.getByRole('alert')).toContainText(/not a valid Arrow IPC|cut|Invalid/);
  await expect(page.getByRole('alert')).toContainText('byte');
  await page.getByRole('button', { name: 'Open sample' }).click();
  await expect(page.getByTestId('overview')).toContainText('4,000');
});

test('Exploring a local file makes no network request', async ({ page }) => {
  await page.goto('./');
  await page.waitForLoadState('networkidle');
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.getByTestId('file-input').setInputFiles('public/sample.arrow');
  await expect(page.getByTestId('overview')).toContainText('4,000');
  for (const name of ['Schema', 'Chunks', 'Data']) await view(page, name);
  await expect(page.getByTestId('grid')).toContainText('Obama, Barack');
  expect(requests).toEqual([]);
});

test('Values render as text, never as HTML', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Open sample' }).click();
  await view(page, 'Data');
  await expect(page.getByTestId('grid')).toContainText('Obama, Barack');
  expect(await page.locator('.grid-cell img, .grid-cell script').count()).toBe(0);
});

test('A Parquet file opens from its footer and shows values decoded by parquet-wasm', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(corpus('parquet-testing/data/alltypes_plain.parquet'));
  await expect(page.getByTestId('overview')).toContainText('Parquet');
  await expect(page.getByTestId('overview')).toContainText('impala');
  await view(page, 'Schema');
  await expect(page.getByTestId('schema')).toContainText('INT96');
  await view(page, 'Chunks');
  await page.getByTestId('chunk-list').getByRole('row').first().click();
  await expect(page.getByTestId('chunk-detail')).toContainText('PLAIN_DICTIONARY');
  await page.getByRole('button', { name: 'List pages of id' }).click();
  await expect(page.getByTestId('pages')).toContainText('2 pages');
  await expect(page.getByTestId('pages')).toContainText('dictionary_page @4');
  await expect(page.getByTestId('pages')).toContainText('data_page');
  await view(page, 'Data');
  await expect(page.getByTestId('grid').getByRole('gridcell').first()).toHaveText('4');
});

test("A column chunk's min/max that pyarrow does not use is not shown, and the Overview and Chunks view say why", async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(corpus('parquet-testing/data/datapage_v2.snappy.parquet'));
  const summary = page.getByTestId('column-summary');
  await expect(summary.locator('tbody tr').first()).toContainText('min/max stored but not shown, as pyarrow does not use them'); // column a
  await expect(summary.locator('tbody tr').nth(1)).toContainText('1 … 5'); // column b, int32: signed order
  await view(page, 'Chunks');
  await page.getByTestId('chunk-list').getByRole('row').first().click();
  const detail = page.getByTestId('chunk-detail');
  await expect(detail).toContainText('min/max stored but not shown, as pyarrow does not use them: the footer lists no column orders');
  await expect(detail).not.toContainText('abc … abc');
});

test('When Parquet decoding has grown wasm memory past the budget, the engine worker is replaced and tabs reopen', async ({ page }) => {
  await page.goto('./?wasmBudgetMiB=1');
  await page.getByTestId('file-input').setInputFiles(corpus('parquet-testing/data/alltypes_plain.parquet'));
  await view(page, 'Data');
  await expect(page.getByTestId('grid').getByRole('gridcell').first()).toHaveText('4');
  await expect(page.getByTestId('notice')).toContainText('engine worker was restarted', { timeout: 15_000 });
  await expect(page.getByRole('tab', { name: 'alltypes_plain.parquet' })).toHaveCount(1);
  await view(page, 'Data');
  await expect(page.getByTestId('grid').getByRole('gridcell').first()).toHaveText('4');
});

test('A nested value can be expanded in full from the selected cell', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(corpus('arrow-testing/data/arrow-ipc-stream/integration/cpp-21.0.0/generated_nested.stream'));
  await view(page, 'Data');
  await page.getByLabel('Columns shown').selectOption({ label: 'only struct_nullable' });
  await page.getByTestId('grid').getByRole('gridcell').first().click();
  const detail = page.getByTestId('cell-detail');
  await expect(detail).toContainText('struct_nullable · row 0');
  await detail.getByRole('button', { name: 'expand' }).click();
  await expect(detail.locator('pre')).toContainText('f1: -2147483648');
});

test('The installable app declares itself a handler for Arrow and Parquet files', async ({ page }) => {
  await page.goto('./');
  const manifest = await (await page.request.get('./manifest.webmanifest')).json();
  const extensions = manifest.file_handlers.flatMap((h: { accept: Record<string, string[]> }) => Object.values(h.accept).flat());
  expect(extensions).toEqual(expect.arrayContaining(['.arrow', '.arrows', '.feather', '.ipc', '.parquet']));
});

test('Files opened with the picker are listed as recent and reopen from their handles', async ({ page }) => {
  await stubFilePicker(page, 'recent.arrow', sampleBytes());
  await page.goto('./');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await expect(page.getByTestId('overview')).toContainText('4,000');
  await page.getByRole('button', { name: 'Close recent.arrow' }).click();
  await page.reload();
  const recent = page.getByRole('region', { name: 'Recent files' });
  await recent.getByRole('button', { name: 'recent.arrow' }).click();
  await expect(page.getByTestId('overview')).toContainText('4,000');
});

test('A share link reopens a remote file (HTTP Range) in the same view, column and sort', async ({ page, baseURL }) => {
  // A query string keeps the request off the service worker's precache, which answers without Range support.
  const remote = new URL('sample.arrow?via=share-link', baseURL).href;
  await page.goto(`./#url=${encodeURIComponent(remote)}&view=unique&column=2&sort=value`);
  await expect(page.getByRole('tab', { name: 'sample.arrow' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Unique', selected: true })).toBeVisible();
  await expect(page.getByLabel('Column to count')).toHaveValue('2');
  await page.getByRole('button', { name: 'Count unique values' }).click();
  await expect(page.getByLabel('Sort by')).toHaveValue('value');
  await expect(page.getByTestId('unique-list').getByRole('row').first()).toContainText('Bachmann, Michelle');
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('view=data');
  await expect(page.getByText('Link in the address bar reopens this view')).toBeVisible();
});

test('A long index can be stopped; the batches found so far stay explorable', async ({ page, context, baseURL }) => {
  // A slow server: every Range request of this stream takes a second.
  const bytes = readFileSync(TALL_FILE);
  await context.route('**/slow/tall.arrows', async (route) => {
    const m = /bytes=(\d+)-(\d+)/.exec(route.request().headers()['range'] ?? '');
    if (!m) return route.fulfill({ status: 200, body: bytes });
    const [a, b] = [Number(m[1]), Math.min(Number(m[2]), bytes.length - 1)];
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await route.fulfill({ status: 206, headers: { 'Content-Range': `bytes ${a}-${b}/${bytes.length}`, 'Access-Control-Expose-Headers': 'Content-Range' }, body: bytes.subarray(a, b + 1) }).catch(() => {});
  });
  await page.goto('./');
  await page.getByLabel('File URL').fill(new URL('slow/tall.arrows', baseURL).href);
  await page.getByLabel('File URL').press('Enter');
  await expect(page.getByTestId('overview')).toContainText('so far…', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Stop indexing' }).click();
  await expect(page.getByText(/Indexing was stopped after \d+ batches/)).toBeVisible();
  await expect(page.getByTestId('overview')).not.toContainText('indexing…');
  await expect(page.getByRole('button', { name: 'Stop indexing' })).toHaveCount(0);
  await view(page, 'Data');
  await expect(page.getByTestId('grid').getByRole('gridcell').first()).toHaveText('0');
});

test('Light and dark theme: the system choice by default, and a button that forces either', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe('rgb(17, 22, 29)');
  await page.getByRole('button', { name: /Theme: system/ }).click();
  expect(await background()).toBe('rgb(255, 255, 255)');
  await page.getByRole('button', { name: /Theme: light/ }).click();
  expect(await background()).toBe('rgb(17, 22, 29)');
  await page.reload();
  await expect(page.getByRole('button', { name: /Theme: dark/ })).toBeVisible(); // remembered
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await background()).toBe('rgb(17, 22, 29)');
});

test('A column that cannot be read shows an error marker with the reason in its cells; the other columns show values', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(corpus('arrow-testing/data/arrow-ipc-stream/clusterfuzz-testcase-minimized-arrow-ipc-stream-fuzz-5729978629226496'));
  await view(page, 'Data');
  const firstRow = page.getByTestId('grid').locator('[aria-rowindex="1"]').getByRole('gridcell');
  await expect(firstRow.nth(0)).toHaveText('bar');
  await expect(firstRow.nth(2)).toHaveText('⚠ error');
  await expect(firstRow.nth(2)).toHaveAttribute('title', /points outside its message body/);
  await expect(firstRow.nth(4)).toHaveText('[44, 55]');
  await firstRow.nth(2).click();
  await expect(page.getByTestId('cell-detail')).toContainText('Not shown: A buffer');
});
