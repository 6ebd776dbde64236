import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import { NodeFileSource } from '../../src/source/nodeFileSource';

/**
 * A batch's buffers are named by the column's layout in the Arrow format (Columnar.rst, "Buffer
 * Listing for Each Layout"), each under the field it belongs to. They were named by their count
 * alone: a list's offsets and its items' buffers were all "data", a fixed_size_list's item validity
 * "offsets", a string view's views "offsets", a union's type ids "data".
 */
const buffersOf = async (file: string) => {
  const dataset = await openDataset(await NodeFileSource.open(join(__dirname, '../fixtures/writers/pyarrow', file)));
  await dataset.indexed;
  try {
    const detail = await dataset.chunkDetail(0);
    return detail.columns.map((c) => (c.regions ?? []).map((r) => `${r.field}: ${r.kind}`));
  } finally {
    await dataset.close();
  }
};

describe("an Arrow batch's buffers, named by their layout", () => {
  it('views: validity, views, then the variadic data buffers', async () => {
    expect(await buffersOf('string_view.arrows')).toEqual([
      ['s: validity', 's: views', 's: variadic data'],
      ['b: validity', 'b: views', 'b: variadic data'],
    ]);
  });

  it('unions of metadata V4 (with a validity buffer), sparse and dense, with their children', async () => {
    const [sparse, dense] = await buffersOf('union_v4.arrows');
    expect(sparse).toEqual(['sparse: union validity', 'sparse: type ids', 'sparse.0: validity', 'sparse.0: values', 'sparse.1: validity', 'sparse.1: offsets', 'sparse.1: data']);
    expect(dense).toEqual(['dense: union validity', 'dense: type ids', 'dense: offsets', 'dense.0: validity', 'dense.0: values', 'dense.1: validity', 'dense.1: offsets', 'dense.1: data']);
  });

  it('run-end encoded arrays of metadata V4 (with a validity buffer, as Arrow C++ writes it), at the top and in a list', async () => {
    const [top, inList] = await buffersOf('run_end_encoded_v4.arrows');
    expect(top).toEqual(['r: run-end validity', 'r.run_ends: validity', 'r.run_ends: values', 'r.values: validity', 'r.values: values']);
    expect(inList).toEqual(['l: validity', 'l: offsets', 'l.item: run-end validity', 'l.item.run_ends: validity', 'l.item.run_ends: values', 'l.item.values: validity', 'l.item.values: values']);
  });

  it('lists, fixed-size lists and list views', async () => {
    const [inOrder] = await buffersOf('list_view.arrows');
    expect(inOrder).toEqual(['in_order: validity', 'in_order: offsets', 'in_order: sizes', 'in_order.item: validity', 'in_order.item: values']);
    const tensor = (await buffersOf('canonical_extensions.arrows')).find((b) => b[0].startsWith('tensor'));
    expect(tensor).toEqual(['tensor: validity', 'tensor.item: validity', 'tensor.item: values']);
  });
});
