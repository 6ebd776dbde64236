// Browser only: the URL of parquet-wasm's binary as a Vite asset (Node initialises it by itself).
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

export const parquetWasmUrl: string = wasmUrl;
