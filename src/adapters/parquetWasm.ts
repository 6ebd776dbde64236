/**
 * The one door to parquet-wasm: lazy initialisation (a wasm URL in the browser, self-initialising in
 * Node) and its memory size. Pinned exactly; tests/adapters/parquetWasm.test.ts round-trips a file.
 */
type ParquetWasm = typeof import('parquet-wasm');

let wasmUrl: string | undefined;
let loading: Promise<ParquetWasm> | undefined;

/** In a browser worker, the URL of parquet_wasm_bg.wasm (Vite `?url` import); Node initialises itself. */
export function setParquetWasmUrl(url: string): void {
  wasmUrl = url;
}

/** parquet-wasm, initialised once per worker. */
export function parquetWasm(): Promise<ParquetWasm> {
  loading ??= (async () => {
    const mod = (await import('parquet-wasm')) as ParquetWasm & { default?: (input: unknown) => Promise<unknown> };
    if (wasmUrl && typeof mod.default === 'function') await mod.default({ module_or_path: wasmUrl });
    return mod;
  })();
  return loading;
}

/** Bytes of wasm memory parquet-wasm holds now; it never shrinks, so a big one means a fresh worker. */
export async function parquetWasmMemoryBytes(): Promise<number> {
  if (!loading) return 0;
  return (await loading).wasmMemory().buffer.byteLength;
}
