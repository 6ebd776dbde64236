import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/worker/engine';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { ColumnTotalsBuilder } from '../../src/worker/columnTotals';
import type { ColumnSummary } from '../../src/worker/protocol';
import { writeWideArrow, writeWideParquet } from '../../scripts/gen/scaleFiles';
import { tempPath } from '../support/files';

const FIELDS = 100_000;

describe('the whole-file column summary of 100,000 columns', () => {
  for (const [kind, write] of [
    ['Arrow stream', (p: string) => writeWideArrow(p, FIELDS, 4, 'stream')],
    ['Parquet file', (p: string) => writeWideParquet(p, FIELDS, 4)],
  ] as const) {
    it(`${kind}: counted in steps within the one chunk, the page given only the columns it asks for, totals as one pass gives them`, async () => {
      const path = tempPath(`wide-summary-${kind.replace(' ', '-')}`);
      await write(path);
      const engine = new Engine();
      const { id } = await engine.openSource(await NodeFileSource.open(path), true);

      // The same totals in one pass over the chunk's detail, for comparison.
      const whole = new ColumnTotalsBuilder(Array.from({ length: FIELDS }, () => ({})));
      whole.add(await engine.chunkDetail(id, 0));
      const expected = whole.columns();

      const steps: ColumnSummary[] = [];
      let s: ColumnSummary;
      do {
        s = await engine.columnSummary(id, undefined, undefined, FIELDS - 500, FIELDS);
        steps.push(s);
        // Between steps the engine answers other requests: a row window of the first columns.
        if (steps.length === 1) expect((await engine.rows(id, 0, 2, [0, 1, 2])).columns).toEqual([['0', '1'], ['10', '11'], ['20', '21']]);
      } while (!s.complete);

      expect(steps.length).toBeGreaterThan(1);
      expect(steps[0].chunksCounted).toBe(0);
      expect(steps[0].columnsOfChunk).toEqual({ counted: 20_000, of: FIELDS });
      expect(s.columnsOfChunk).toBeUndefined();
      expect(s.chunksCounted).toBe(1);
      expect(s.start).toBe(FIELDS - 500);
      expect(s.columnCount).toBe(FIELDS);
      expect(s.columns).toEqual(expected.slice(FIELDS - 500));
      expect(s.all.bytes).toBe(expected.reduce((sum, c) => sum + c.bytes, 0));
      expect(s.all.bytes).toBeGreaterThan(0);
      expect(s.all.uncompressedBytes).toBe(expected.reduce((sum, c) => sum + c.uncompressedBytes!, 0));

      // Asking again for another window counts nothing more and gives those columns.
      const first = await engine.columnSummary(id, undefined, undefined, 0, 3);
      expect(first.columns).toEqual(expected.slice(0, 3));
      expect(first.chunksCounted).toBe(1);
      await engine.close(id);
    }, 120_000);
  }
});
