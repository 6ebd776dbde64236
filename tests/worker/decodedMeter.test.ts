import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { decodedCache } from '../../src/source/decodedCache';
import { Engine } from '../../src/worker/engine';

const ZSTD = resolve(__dirname, '../fixtures/writers/pyarrow/zstd.arrows');

describe('the memory meter’s decoded cache figures', () => {
  it('are the decoded cache’s own: what it holds after scrolling a ZSTD file, its limit, and nothing once the file is closed', async () => {
    const engine = new Engine();
    const { id, fields } = await engine.openSource(await NodeFileSource.open(ZSTD), true);
    const columns = fields.map((_, c) => c);
    const empty = await engine.stats(id);
    expect(empty.decodedBytes).toBe(0);
    for (let start = 0; start < 640; start += 64) await engine.rows(id, start, 64, columns, 'grid');
    const stats = await engine.stats(id);
    expect(stats.decodedBytes).toBeGreaterThan(0);
    expect(stats.decodedBytes).toBe(decodedCache.heldBytes);
    expect(stats.decodedBudgetBytes).toBe(decodedCache.budgetBytes);
    // 2,000 rows of int64, float64, strings and a list decoded once: tens of KB, not one copy per window.
    expect(stats.decodedBytes).toBeLessThan(200_000);
    const other = await engine.openSource(await NodeFileSource.open(ZSTD), true);
    await engine.rows(other.id, 0, 64, columns, 'grid2');
    expect((await engine.stats(id)).decodedBytes).toBe(2 * stats.decodedBytes); // one cache for both files
    await engine.close(other.id);
    expect((await engine.stats(id)).decodedBytes).toBe(stats.decodedBytes);
    await engine.close(id);
    expect(decodedCache.heldBytes).toBe(0);
  });
});
