/** Browser only (a Vite asset import): where the engine worker finds parquet-wasm's binary. */
export { parquetWasmUrl as browserDecoderUrl } from '../adapters/parquetWasmAsset';
