/**
 * Rewrites an Arrow IPC stream with apache-arrow's writer (Arrow JS), as a stream or a file, for
 * scripts/fuzz/random_files.py's `apache-arrow.arrows` and `apache-arrow.arrow` files.
 * Usage: node scripts/fuzz/write_apache_arrow.mjs IN.arrows OUT (stream|file)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tableFromIPC, tableToIPC } from 'apache-arrow';

const [input, output, format] = process.argv.slice(2);
writeFileSync(output, tableToIPC(tableFromIPC(readFileSync(input)), format === 'file' ? 'file' : 'stream'));
