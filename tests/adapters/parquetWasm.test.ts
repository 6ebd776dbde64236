import { tableFromIPC } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { parquetWasm, parquetWasmMemoryBytes } from '../../src/adapters/parquetWasm';

describe('parquet-wasm adapter (pinned parquet-wasm 0.8.0)', () => {
  it('initialises once and decodes a file into Arrow IPC that apache-arrow reads', async () => {
    const file = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'x', data: [1.5, null, -2], type: 'DOUBLE' }] }));
    const wasm = await parquetWasm();
    expect(await parquetWasm()).toBe(wasm);
    const table = tableFromIPC(wasm.readParquet(file, { batchSize: 1024 }).intoIPCStream());
    expect(table.numRows).toBe(3);
    expect([...table.getChild('x')!]).toEqual([1.5, null, -2]);
    expect(await parquetWasmMemoryBytes()).toBeGreaterThan(0);
  });
});
