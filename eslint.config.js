import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The layer order of docs/ARCHITECTURE.md, bottom first. Each folder under src/ may import only the
 * folders listed for it (and itself); an import of any other src/ folder fails `npm run lint`.
 */
const FOLDERS = ['model', 'valueText', 'source', 'adapters', 'arrow', 'parquet', 'dataset', 'compute', 'worker', 'cli', 'ui'];
const MAY_IMPORT = {
  model: [],
  valueText: ['model'],
  source: ['model'],
  adapters: [],
  arrow: ['model', 'valueText', 'source', 'adapters'],
  parquet: ['model', 'valueText', 'source', 'adapters'],
  dataset: ['model', 'valueText', 'source', 'adapters', 'arrow', 'parquet'],
  compute: ['model', 'valueText'],
  worker: ['model', 'valueText', 'source', 'dataset', 'compute'],
  cli: ['model', 'valueText', 'source', 'dataset', 'compute'],
  ui: [], // only worker/client and worker/protocol, below
};

/** Library modules past their public entry: reached only through src/adapters/. */
const LIBRARY_INTERNALS = {
  regex: '^(apache-arrow|hyparquet|hyparquet-writer|parquet-wasm)/',
  message: 'Library internals are reached only through an adapter in src/adapters/ (pinned, round-trip tested).',
};

function layerRule(folder) {
  const banned = FOLDERS.filter((f) => f !== folder && !MAY_IMPORT[folder].includes(f) && !(folder === 'ui' && f === 'worker'));
  const patterns = [
    {
      regex: `^\\.{1,2}/(?:\\.\\./)*(?:${banned.join('|')})(?:/|$)`,
      message: `src/${folder}/ may import only ${MAY_IMPORT[folder].join(', ') || 'no other layer'} (see docs/ARCHITECTURE.md).`,
    },
  ];
  if (folder !== 'adapters') patterns.push(LIBRARY_INTERNALS);
  if (folder === 'ui') {
    patterns[0].message = 'src/ui/ imports only the worker\'s public surface: worker/client and worker/protocol.';
    patterns.push(
      { regex: '^\\.\\./worker/(?!client$|protocol$)', message: 'src/ui/ imports only worker/client and worker/protocol.' },
      { regex: '^(apache-arrow|hyparquet|hyparquet-writer|parquet-wasm|comlink|flatbuffers|fzstd|lz4js)(/|$)', message: 'src/ui/ never parses bytes: engine libraries stay below the worker.' },
    );
  }
  return { files: [`src/${folder}/**/*.{ts,tsx}`], rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default tseslint.config(
  { ignores: ['dist', 'dist-cli*', 'bench/peers/dist', 'dev-dist', 'node_modules', 'bench/results', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [LIBRARY_INTERNALS] }],
    },
  },
  ...FOLDERS.map(layerRule),
  {
    files: ['src/ui/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
