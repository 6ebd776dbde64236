import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import { errorMessage } from '../../src/model/errors';
import { BlobSource } from '../../src/source/blobSource';
import { parquetFooter, withFooterSlot } from '../hostile/parquetFooter';
import { encodeSlot } from '../hostile/thriftFields';
import { fixture } from '../support/corpus';

const FILE = Uint8Array.from(readFileSync(fixture('parquet-testing/data/nested_lists.snappy.parquet')));

describe('a schema group with a negative number of children', () => {
  it.each([-1n, -2n])('num_children %s: the footer is refused with a sentence (hyparquet\'s GeoParquet pass looped forever on it)', async (value) => {
    const footer = parquetFooter(FILE)!;
    // schema[1].num_children: the first column's outer group
    const slot = footer.slots.find((s) => s.kind === 'int' && s.path.join('.') === '2.1.5')!;
    expect(slot).toBeDefined();
    const opened = openDataset(new BlobSource(new Blob([withFooterSlot(FILE, footer, slot, encodeSlot(slot, value)) as BlobPart]), 'nested.parquet'));
    const message = await opened.then(() => 'opened', (e: unknown) => errorMessage(e));
    expect(message).toMatch(new RegExp(`^The Parquet footer \\(.*\\) is damaged: schema element 1 \\(".*"\\) has ${value} children\\.$`));
  });
});
