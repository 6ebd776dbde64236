import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Field, Int32, makeData, RecordBatch, RecordBatchStreamWriter, Schema, Struct } from 'apache-arrow';
import { startRangeServer, type RangeServer } from '../tests/source/rangeServer';
import { TALL_FILE, TALL_ROWS } from './paths';

// A Range server on another origin (another port) that misbehaves on demand; it answers CORS preflights.
let server: RangeServer;
let tall: Uint8Array;
test.beforeAll(async () => {
  tall = new Uint8Array(readFileSync(TALL_FILE));
  server = await startRangeServer({ 'tall.arrows': tall, 'sample.arrow': new Uint8Array(readFileSync('public/sample.arrow')) });
});
test.afterAll(() => server.close());

test('A server that never answers: the open controls stay usable, Cancel stops the open and its request, and the next file opens at once', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('File URL').fill(server.url('tall.arrows', 'stall-headers'));
  await page.getByLabel('File URL').press('Enter');
  await expect(page.getByTestId('opening')).toHaveText(/Opening tall\.arrows…/);

  // Another file opens while the first waits.
  await page.getByRole('button', { name: 'Open sample' }).click();
  await expect(page.getByTestId('overview')).toContainText('4,000');
  await expect(page.getByTestId('opening')).toHaveText(/Opening tall\.arrows…/);

  await page.getByRole('button', { name: 'Cancel opening tall.arrows' }).click();
  await expect(page.getByTestId('opening')).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'tall.arrows' })).toHaveCount(0);
  // The request was aborted (the server saw its client go), not left to run to a timeout.
  await expect.poll(() => server.abandoned.filter((p) => p.includes('stall-headers')).length).toBe(1);
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.getByTestId('file-input').setInputFiles({ name: 'local.arrow', mimeType: 'application/octet-stream', buffer: readFileSync('public/sample.arrow') });
  await expect(page.getByRole('tab', { name: 'local.arrow', selected: true })).toBeVisible();
  await expect(page.getByTestId('overview')).toContainText('4,000');
});

test('The timeout beside Open URL applies, and its sentence says how long was waited', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Timeout in seconds').fill('1');
  await page.getByLabel('File URL').fill(server.url('tall.arrows', 'stall-headers'));
  await page.getByLabel('File URL').press('Enter');
  await expect(page.getByRole('alert')).toContainText(/^The server at 127\.0\.0\.1:\d+ sent no answer within 1 s when asked for http:\/\/127\.0\.0\.1:\d+\/stall-headers\/tall\.arrows\./);
  await expect(page.getByTestId('opening')).toHaveCount(0);
});

test('A file changed on the server after it was opened is reported when the next bytes are read, never shown mixed', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('File URL').fill(server.url('tall.arrows'));
  await page.getByLabel('File URL').press('Enter');
  const overview = page.getByTestId('overview');
  await expect(overview).toContainText(TALL_ROWS.toLocaleString('en-US'), { timeout: 30_000 });
  await expect(overview).not.toContainText('indexing…');
  await page.getByRole('tab', { name: 'Data' }).click();
  const firstCell = page.getByTestId('grid').locator('[aria-rowindex="1"]').getByRole('gridcell').first();
  await expect(firstCell).toHaveText('0');
  // Later reads send If-Range with the ETag of the open: the server took it (after a CORS preflight).
  expect(server.requests.some((r) => r.ifRange === '"tall.arrows-v1"')).toBe(true);

  const changed = tall.slice();
  changed[changed.length - 100] ^= 0xff;
  server.change('tall.arrows', changed);
  await page.getByTestId('goto').fill(String(TALL_ROWS - 10));
  await page.getByTestId('goto').press('Enter');
  const cell = page.getByTestId('grid').locator(`[aria-rowindex="${TALL_ROWS - 9}"]`).getByRole('gridcell').first();
  await expect(cell).toHaveText('⚠ error');
  await expect(cell).toHaveAttribute(
    'title',
    /^Not shown: The file at http:\/\/127\.0\.0\.1:\d+\/ok\/tall\.arrows changed on the server since it was opened \(ETag was "tall\.arrows-v1", now "tall\.arrows-v2"\); reopen it to see the new version\./,
  );
});

test('An address that is not one (in a share link: the form checks its own) and a redirect loop are each said plainly', async ({ page }) => {
  await page.goto(`./#url=${encodeURIComponent('http://[::1')}`);
  await expect(page.getByRole('alert')).toContainText('“http://[::1” is not a valid web address');
  await page.getByRole('button', { name: 'Dismiss error' }).click();

  await page.getByLabel('File URL').fill(server.url('sample.arrow', 'redirect-loop'));
  await page.getByLabel('File URL').press('Enter');
  await expect(page.getByRole('alert')).toContainText(/^Following the redirects from http:\/\/127\.0\.0\.1:\d+\/redirect-loop\/sample\.arrow failed: the server redirects in a loop/);
});

test('Answers that do not match the request are not used, each said in its own sentence', async ({ page }) => {
  const cases: [Parameters<RangeServer['url']>[1], RegExp][] = [
    ['read-drop-body', /^The connection to 127\.0\.0\.1:\d+ ended after [\d,]+ of the 65,536 bytes asked for \(bytes 0–65,535 of http:.*\): it was dropped, or the server sent fewer bytes than it announced/],
    ['read-short-body', /^The server sent 32,768 bytes for bytes 0–65,535 of http:.*, which is 65,536 bytes: its answer is incomplete, so none of it was used\./],
    ['read-wrong-range', /^The server answered with bytes 1–65,536 when asked for bytes 0–65,535 of http:.*: its answer does not match the request, so none of it was used\./],
    ['read-refuse', /^The server refused bytes 0–65,535 of http:.* \(416 Range Not Satisfiable\) although the file is 729,202 bytes long/],
    ['ignore-range', /ignores HTTP Range requests \(answered 200 instead of 206\)/],
  ];
  for (const [behaviour, sentence] of cases) {
    await page.goto('./');
    await page.getByLabel('File URL').fill(server.url('sample.arrow', behaviour));
    await page.getByLabel('File URL').press('Enter');
    await expect(page.getByRole('alert')).toContainText(sentence);
    await expect(page.getByTestId('opening')).toHaveCount(0);
  }
});

test('A read that stalls after the open can be cancelled from the grid, and the next jump reads again', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('File URL').fill(server.url('tall.arrows'));
  await page.getByLabel('File URL').press('Enter');
  const overview = page.getByTestId('overview');
  await expect(overview).toContainText(TALL_ROWS.toLocaleString('en-US'), { timeout: 30_000 });
  await expect(overview).not.toContainText('indexing…');
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByTestId('grid').locator('[aria-rowindex="1"]').getByRole('gridcell').first()).toHaveText('0');

  server.stall('tall.arrows', true);
  const before = server.abandoned.length;
  await page.getByTestId('goto').fill(String(TALL_ROWS - 10));
  await page.getByTestId('goto').press('Enter');
  await expect(page.getByTestId('grid-status')).toHaveText('Reading…');
  await page.getByRole('button', { name: 'Stop the read in progress' }).click();
  await expect(page.getByTestId('grid-status')).toHaveText('Read stopped: scroll or jump to read again.');
  await expect.poll(() => server.abandoned.length).toBeGreaterThan(before);
  // Stopped stays stopped: the grid, now at the row asked for, does not read again on its own
  // (it did, and a jump made meanwhile waited on that read, stalled in turn).
  const asked = server.requests.length;
  await page.waitForTimeout(1_000);
  expect(server.requests.slice(asked).map((r) => r.range)).toEqual([]);
  await expect(page.getByTestId('grid-status')).toHaveText('Read stopped: scroll or jump to read again.');

  server.stall('tall.arrows', false);
  await page.getByTestId('goto').fill(String(TALL_ROWS - 20));
  await page.getByTestId('goto').press('Enter');
  const cell = (row: number) => page.getByTestId('grid').locator(`[aria-rowindex="${row + 1}"]`).getByRole('gridcell').first();
  await expect(cell(TALL_ROWS - 20)).toHaveText(String(TALL_ROWS - 20));

  // Stopped again, then scrolled: the rows scrolled to are read.
  server.stall('tall.arrows', true);
  await page.getByTestId('goto').fill('1000000');
  await page.getByTestId('goto').press('Enter');
  await expect(page.getByTestId('grid-status')).toHaveText('Reading…');
  await page.getByRole('button', { name: 'Stop the read in progress' }).click();
  await expect(page.getByTestId('grid-status')).toHaveText('Read stopped: scroll or jump to read again.');
  server.stall('tall.arrows', false);
  await page.getByTestId('grid').hover();
  await page.mouse.wheel(0, 10 * 64 * 24);
  await expect(cell(1_000_640)).toHaveText('1000640');
});

test('Reads of a remote file overlap: the browser does not queue them one after another (each answer 40 ms away)', async ({ page }) => {
  // 40 batches of 500,000 int32 rows (80 MB): big enough for the index to be walked by several readers at once.
  const schema = new Schema([new Field('n', new Int32(), false)]);
  const per = 500_000;
  const batches = Array.from({ length: 40 }, (_, b) => new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: per, nullCount: 0, children: [makeData({ type: new Int32(), length: per, nullCount: 0, data: new Int32Array(per).map((_, i) => b * per + i) })] })));
  const wide = await startRangeServer({ 'wide.arrows': RecordBatchStreamWriter.writeAll(batches).toUint8Array(true) });
  try {
    await page.goto('./');
    await page.getByLabel('File URL').fill(wide.url('wide.arrows', 'slow'));
    await page.getByLabel('File URL').press('Enter');
    const overview = page.getByTestId('overview');
    await expect(overview).toContainText('20,000,000', { timeout: 60_000 });
    await expect(overview).not.toContainText('indexing…');
    await page.getByRole('tab', { name: 'Data' }).click();
    await page.getByTestId('goto').fill('17000001');
    await page.getByTestId('goto').press('Enter');
    await expect(page.getByTestId('grid').locator('[aria-rowindex="17000002"]').getByRole('gridcell').first()).toHaveText('17000001');
    // Chromium's HTTP cache lets one request per URL through at a time when the answers carry no validator,
    // unless fetch says cache: 'no-store' (measured: at most 1 in flight without it, 6 with it).
    expect(wide.maxInFlight).toBeGreaterThanOrEqual(4);
  } finally {
    await wide.close();
  }
});
