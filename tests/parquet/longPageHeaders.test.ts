import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { Engine } from '../../src/worker/engine';

/**
 * fixtures/long_page_statistics.parquet (pyarrow 25, defaults): one string column of two 300-character
 * values, whose page header carries them as its statistics (a header of 600+ bytes). "List pages"
 * said the header could not be read ("thrift binary length 300 exceeds remaining 188 bytes"): it read
 * more bytes only when the parser threw a RangeError, and hyparquet throws an Error there.
 */
describe('a page header longer than the first read', () => {
  it('is read whole: the dictionary page and the data page are listed', async () => {
    const engine = new Engine();
    const { id } = await engine.openSource(await NodeFileSource.open(join(__dirname, 'fixtures/long_page_statistics.parquet')), true);
    try {
      const { pages } = await engine.pages(id, 0, 0);
      expect(pages.map((p) => p.kind)).toEqual(['dictionary_page', 'data_page']);
    } finally {
      await engine.close(id);
    }
  });
});
