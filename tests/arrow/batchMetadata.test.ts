import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import { NodeFileSource } from '../../src/source/nodeFileSource';

/**
 * A record batch's custom metadata (pyarrow: write_batch(batch, custom_metadata=…)) is the batch
 * message's; apache-arrow keeps it on the message and not on the batch header, where the batch detail
 * looked, so it was never shown. fixtures/batch_metadata.arrow(s), written once with pyarrow 25: two
 * batches, the first with {source: sensor-7, note: first}, as pyarrow's read_next_batch_with_custom_metadata gives it.
 */
describe("a record batch's custom metadata", () => {
  it.each(['batch_metadata.arrows', 'batch_metadata.arrow'])('%s: shown in its batch detail, and none for the batch without', async (file) => {
    const dataset = await openDataset(await NodeFileSource.open(join(__dirname, 'fixtures', file)));
    await dataset.indexed;
    try {
      expect((await dataset.chunkDetail(0)).metadata).toEqual({ source: 'sensor-7', note: 'first' });
      expect((await dataset.chunkDetail(1)).metadata).toEqual({});
    } finally {
      await dataset.close();
    }
  });

  // fixtures/batch_metadata_keys.arrows, written once with pyarrow 25: one batch with [(k, 1), (k, 2),
  // (b'b\xff', b'\xfe')]; pyarrow's dict of it is {k: 1, b'b\xff': b'\xfe'}. apache-arrow's decoding kept k: 2 and U+FFFD.
  it("keeps a repeated key's first value and escapes bytes that are not UTF-8", async () => {
    const dataset = await openDataset(await NodeFileSource.open(join(__dirname, 'fixtures/batch_metadata_keys.arrows')));
    await dataset.indexed;
    try {
      expect((await dataset.chunkDetail(0)).metadata).toEqual({ k: '1', 'b\\xff': '\\xfe' });
    } finally {
      await dataset.close();
    }
  });
});
