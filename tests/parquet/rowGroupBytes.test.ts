import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { Engine } from '../../src/worker/engine';

/**
 * A row group's uncompressed bytes are its columns' (pyarrow: the sum of total_uncompressed_size):
 * arrow-rs wrote nested_structs.rust.parquet with the compressed size, 17,712, in the footer's
 * total_byte_size, which was shown as the uncompressed size.
 */
describe("a row group's uncompressed bytes", () => {
  it("are the sum of its column chunks', whatever the footer's total_byte_size says", async () => {
    const engine = new Engine();
    const file = join(__dirname, '../fixtures/corpus/parquet-testing/data/nested_structs.rust.parquet');
    const { id } = await engine.openSource(await NodeFileSource.open(file), true);
    try {
      expect((await engine.chunkDetail(id, 0)).metadata).toMatchObject({ 'compressed bytes': '17,712', 'uncompressed bytes': '13,824' });
    } finally {
      await engine.close(id);
    }
  });
});
