import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// The `arrowscope` command built ahead of time into plain JavaScript (dist-cli/arrowscope.mjs), so a run
// starts in Node without compiling TypeScript. Every package dependency stays an import resolved from
// node_modules at run time (parquet-wasm's Node entry loads its wasm from its own folder), but for BUNDLED.
// `npm run build:cli` runs it; bin/arrowscope.mjs runs the result while it is newer than its inputs.
const root = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { dependencies?: Record<string, string> };
const dependencies = Object.keys(pkg.dependencies ?? {});
/**
 * Dependencies bundled into the build all the same: apache-arrow is ~700 small modules whose
 * resolution and loading cost ~100 ms at every start, in the command's thread and again in each pool thread.
 */
const BUNDLED = ['apache-arrow', 'flatbuffers', 'tslib'];
const named = (id: string, names: string[]) => names.some((name) => id === name || id.startsWith(`${name}/`));
const external = (id: string): boolean => id.startsWith('node:') || builtinModules.includes(id) || (named(id, dependencies) && !named(id, BUNDLED));

/** Writes dist-cli/inputs.json: when the build started and every source file it read (bin/cliBuild.mjs checks them). */
function inputsManifest(): Plugin {
  let builtAt = 0;
  return {
    name: 'arrowscope-cli-inputs',
    buildStart() {
      builtAt = Date.now();
    },
    generateBundle() {
      const inputs = new Set<string>(['package.json', 'vite.cli.config.ts']);
      // Bundled dependencies are pinned in package.json (listed above), not followed file by file.
      for (const id of this.getModuleIds()) if (!id.startsWith('\0') && !external(id) && !id.includes('/node_modules/')) inputs.add(relative(root, id).split('\\').join('/'));
      const source = `${JSON.stringify({ builtAt, inputs: [...inputs].sort() }, null, 1)}\n`;
      this.emitFile({ type: 'asset', fileName: 'inputs.json', source });
    },
  };
}

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  plugins: [inputsManifest()],
  build: {
    ssr: true,
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      external,
      // The command, and the entry of its pool's threads (src/cli/pool/threadPool.ts starts it from beside the command).
      input: { arrowscope: 'src/cli/main.ts', 'pool-thread': 'src/cli/pool/poolThread.ts' },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
  ssr: { target: 'node', noExternal: BUNDLED },
});
