import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRowWindow } from '../../src/compute/rowWindow';
import { openDataset } from '../../src/dataset/openDataset';
import { BlobSource } from '../../src/source/blobSource';
import { parquetFooter, withFooterSlot } from '../hostile/parquetFooter';
import { encodeSlot, thriftSlots } from '../hostile/thriftFields';
import { fixture } from '../support/corpus';

const FILE = Uint8Array.from(readFileSync(fixture('parquet-testing/data/plain-dict-uncompressed-checksum.parquet')));
const rows = async (bytes: Uint8Array) => {
  const ds = await openDataset(new BlobSource(new Blob([bytes as BlobPart]), 'dict.parquet'));
  return readRowWindow(ds, 0, 8, [0, 1]);
};

describe('the dictionary hint with page encoding statistics the footer names with unknown enum values', () => {
  it.each([-1n, 99n])('a page_type of %s in encoding_stats: the dictionary-encoded column reads as before (it crashed on "startsWith")', async (value) => {
    const footer = parquetFooter(FILE)!;
    // row_groups[0].columns[1].meta_data.encoding_stats[k].page_type
    const pageTypes = thriftSlots(footer.bytes).slots.filter((s) => s.kind === 'int' && s.path.join('.').match(/^4\.0\.1\.1\.3\.13\.\d+\.1$/));
    expect(pageTypes.length).toBeGreaterThan(0);
    const before = await rows(FILE);
    expect(before.errors).toEqual([null, null]);
    for (const slot of pageTypes) {
      const after = await rows(withFooterSlot(FILE, footer, slot, encodeSlot(slot, value)));
      expect(after.errors).toEqual([null, null]);
      expect(after.columns).toEqual(before.columns);
    }
  });
});
