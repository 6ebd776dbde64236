import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Field, makeData, RecordBatch, RecordBatchStreamWriter, Schema, Struct, TimestampSecond } from 'apache-arrow';

/**
 * Timestamps before 1970 in zones browsers' Intl merged into others (Amsterdam into Brussels, EST into
 * Panama, Accra into Abidjan), as the grid shows them in Chromium, against pyarrow's text of the same
 * instants (tests/gold/writers/pyarrow__zones_before_1970.arrows.json; its instants are the fixture's).
 */
const ZONES = ['Europe/Amsterdam', 'EST', 'Africa/Accra', 'Europe/Dublin'];
const GOLD = JSON.parse(readFileSync('tests/gold/writers/pyarrow__zones_before_1970.arrows.json', 'utf8')) as { columns: { name: string; values: string[] }[] };
const INSTANTS = [-5_000_000_000, -3_786_825_600, -2_208_988_800, -1_700_000_000, -1_500_000_000, -1_250_000_000, -900_000_000, -500_000_000, -1];

test('Timestamps before 1970 show each zone its own offset, as pyarrow shows them', async ({ page }) => {
  const fields = ZONES.map((zone) => new Field(zone, new TimestampSecond(zone)));
  const schema = new Schema(fields);
  const children = fields.map((f) => makeData({ type: f.type, length: INSTANTS.length, nullCount: 0, data: BigInt64Array.from(INSTANTS, BigInt) }));
  const file = join(tmpdir(), 'arrowscope-e2e-zones.arrows');
  writeFileSync(file, RecordBatchStreamWriter.writeAll([new RecordBatch(schema, makeData({ type: new Struct(fields), length: INSTANTS.length, nullCount: 0, children }))]).toUint8Array(true));

  await page.setViewportSize({ width: 1600, height: 800 });
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(file);
  await page.getByRole('tab', { name: 'Data' }).click();
  const grid = page.getByTestId('grid');
  await expect(grid.getByRole('gridcell').first()).not.toHaveText('…');
  const expected = INSTANTS.map((_, row) => ZONES.map((zone) => GOLD.columns.find((c) => c.name === zone)!.values[row]));
  await expect
    .poll(() => grid.locator('.dg-canvas [role=row]').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('[role=gridcell]')].map((c) => c.textContent))))
    .toEqual(expected);
});
