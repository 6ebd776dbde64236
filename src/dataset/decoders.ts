/** Settings and figures of the wasm decoders behind the engines, for the workers that host them. */
export { setParquetWasmUrl as setDecoderWasmUrl, parquetWasmMemoryBytes as decoderMemoryBytes, parquetWasm as writerModule } from '../adapters/parquetWasm';
