import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { Engine } from '../../src/worker/engine';

/**
 * A row group's footer sizes are named as the footer and pyarrow name them: arrow-rs wrote
 * nested_structs.rust.parquet with its compressed size, 17,712, in total_byte_size (the spec's
 * uncompressed size; the columns' uncompressed sizes add up to 13,824), which was shown as
 * "uncompressed bytes".
 */
describe("a row group's footer sizes", () => {
  it('are named total_byte_size and total_compressed_size, with pyarrow\'s figures', async () => {
    const engine = new Engine();
    const file = join(__dirname, '../fixtures/corpus/parquet-testing/data/nested_structs.rust.parquet');
    const { id } = await engine.openSource(await NodeFileSource.open(file), true);
    try {
      expect((await engine.chunkDetail(id, 0)).metadata).toEqual({ total_byte_size: '17,712' });
    } finally {
      await engine.close(id);
    }
  });
});
