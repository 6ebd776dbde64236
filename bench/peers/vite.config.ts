import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The peers' page, built apart from the app so that DuckDB-Wasm never ships with it.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'error',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 100_000 },
  worker: { format: 'es' },
});
