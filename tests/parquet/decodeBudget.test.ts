import { describe, expect, it } from 'vitest';
import { readRowWindow } from '../../src/compute/rowWindow';
import { openDataset } from '../../src/dataset/openDataset';
import { BlobSource } from '../../src/source/blobSource';
import { realFile } from './support/footer';

const LACKS_SIZES =
  'Column "s" of row group 0 is not decoded: its footer entry lacks its sizes (total_compressed_size and total_uncompressed_size must both be given), so its bytes cannot be read.';

describe('the decode budget of a column chunk whose footer entry lacks its sizes', () => {
  it.each([
    ['total_uncompressed_size missing', (m: Record<string, unknown>) => (m.total_uncompressed_size = undefined)],
    ['total_compressed_size missing', (m: Record<string, unknown>) => (m.total_compressed_size = undefined)],
  ])('%s: the column says what is missing (it said "NaN bytes … about NaN MiB"); the other column reads', async (_, edit) => {
    const file = realFile((md) => edit(md.row_groups[0].columns[1].meta_data as unknown as Record<string, unknown>));
    const ds = await openDataset(new BlobSource(new Blob([file as BlobPart]), 'crafted.parquet'));
    const window = await readRowWindow(ds, 0, 3, [0, 1]);
    expect(window.columns[0]).toEqual(['1', '2', '3']);
    expect(window.errors[1]).toBe(LACKS_SIZES);
  });
});
