import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { readRowWindow } from '../../src/compute/rowWindow';
import { openDataset } from '../../src/dataset/openDataset';
import { BlobSource } from '../../src/source/blobSource';
import { fixtureFiles } from '../support/corpus';

const open = (bytes: Uint8Array, name: string) => openDataset(new BlobSource(new Blob([bytes as BlobPart]), name));

/**
 * A row window of every column at once (small flat columns decoded a group at a time in one call)
 * against the same rows read one column at a time, each decoded alone as before, on a fresh dataset.
 */
async function compareGrouped(bytes: Uint8Array, name: string, rows = 50): Promise<number> {
  const together = await open(bytes, name);
  const alone = await open(bytes, name);
  const count = Math.min(rows, together.rows);
  const all = together.fields.map((_, k) => k);
  const grouped = await readRowWindow(together, 0, count, all);
  for (const k of all) {
    const one = await readRowWindow(alone, 0, count, [k]);
    expect({ column: k, errors: grouped.errors[k], cells: grouped.columns[k] }).toEqual({ column: k, errors: one.errors[0], cells: one.columns[0] });
  }
  return all.length;
}

describe('Parquet columns asked for together', () => {
  it('a wide file of mixed columns (ints, doubles, strings, booleans, nulls) reads the same together as column by column', async () => {
    const columnData = Array.from({ length: 600 }, (_, k) => {
      const kind = k % 5;
      const name = `c${k}`;
      if (kind === 0) return { name, data: [k, -k, null, 7], type: 'INT32' as const };
      if (kind === 1) return { name, data: [k / 3, null, -0.5, 1e300], type: 'DOUBLE' as const };
      if (kind === 2) return { name, data: [`s${k}`, '', null, 'x'.repeat(k % 40)], type: 'STRING' as const };
      if (kind === 3) return { name, data: [true, false, null, k % 2 === 0], type: 'BOOLEAN' as const };
      return { name, data: [BigInt(k) * 1_000_000_007n, null, -1n, 0n], type: 'INT64' as const };
    });
    const bytes = new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: 3 }));
    expect(await compareGrouped(bytes, 'wide.parquet')).toBe(600);
  });

  it.each(fixtureFiles('', /\.parquet$/).map((f) => [basename(f), f]))('%s reads the same together as column by column', async (_, path) => {
    const bytes = new Uint8Array(readFileSync(path));
    let opened = true;
    try {
      await open(bytes, basename(path));
    } catch {
      opened = false; // files that do not open are covered elsewhere
    }
    if (opened) expect(await compareGrouped(bytes, basename(path))).toBeGreaterThan(0);
  });
});
