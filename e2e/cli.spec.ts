import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Field, Float64, Int32, Int64, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Utf8, makeData, vectorFromArray } from 'apache-arrow';
import { expect, test } from '@playwright/test';

const FILE = join(tmpdir(), 'arrowscope-e2e-cli-view.arrows');
const BIN = 'bin/arrowscope.mjs';

/** 3 batches of 400 rows: int32, a string with nulls, a float, an int64 past 2^53. */
function writeFile(): void {
  const schema = new Schema([new Field('id', new Int32(), false), new Field('name', new Utf8(), true), new Field('amount', new Float64(), false), new Field('big', new Int64(), false)]);
  const batches = [0, 1, 2].map((b) => {
    const rows = Array.from({ length: 400 }, (_, i) => b * 400 + i);
    const children = [
      makeData({ type: new Int32(), length: 400, nullCount: 0, data: Int32Array.from(rows) }),
      vectorFromArray(rows.map((r) => (r % 3 === 1 ? null : `name ${r}, "quoted"`)), new Utf8()).data[0],
      makeData({ type: new Float64(), length: 400, nullCount: 0, data: Float64Array.from(rows, (r) => r / 8 - 0.5) }),
      makeData({ type: new Int64(), length: 400, nullCount: 0, data: BigInt64Array.from(rows, (r) => 2n ** 60n + BigInt(r)) }),
    ];
    return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: 400, nullCount: 0, children }));
  });
  writeFileSync(FILE, RecordBatchStreamWriter.writeAll(batches).toUint8Array(true));
}

/** Starts `arrowscope view FILE --no-open` and resolves to the URL it prints. */
function startView(): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, [BIN, 'view', FILE, '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = out.match(/^http:\/\/127\.0\.0\.1:\d+\/\S+#url=\S+$/m);
      if (m) resolve(m[0]);
    });
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) => reject(new Error(`arrowscope view exited with ${code}: ${err}`)));
  });
  return { child, url };
}

test('arrowscope view: the page opens the served file, and its rows and values equal --rows 0:5 --format json', async ({ page }) => {
  writeFile();
  const expected = JSON.parse(execFileSync(process.execPath, [BIN, FILE, '--rows', '0:5', '--format', 'json'], { encoding: 'utf8' })) as {
    columns: { name: string; values: (string | null)[] }[];
  };
  const { child, url } = startView();
  try {
    await page.goto(await url);
    await expect(page.getByRole('tab', { name: 'arrowscope-e2e-cli-view.arrows' })).toBeVisible();
    await expect(page.getByTestId('overview')).toContainText('1,200');
    await page.getByRole('tab', { name: 'Data' }).click();
    const grid = page.getByTestId('grid');
    await expect(page.getByRole('columnheader')).toContainText(expected.columns.map((c) => c.name));
    for (let r = 0; r < 5; r++) {
      const cells = grid.locator(`[aria-rowindex="${r + 1}"]`).getByRole('gridcell');
      await expect(cells).toHaveText(expected.columns.map((c) => c.values[r] ?? 'null'));
    }
    expect(expected.columns[3].values[0]).toBe('1152921504606846976'); // exact past 2^53, in both
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
  }
  expect(child.exitCode).toBe(0);
});
