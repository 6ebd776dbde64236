/** Child process of the conformance runner: reads each file given on stdin-free argv, one JSON line per file. */
import { readAll } from './readAll';

for (const path of process.argv.slice(2)) {
  process.stdout.write(`${JSON.stringify({ path, start: true })}\n`);
  const started = performance.now();
  const outcome = await readAll(path);
  // Resident memory of the whole process (wasm and array buffers included), after this file.
  process.stdout.write(`${JSON.stringify({ path, outcome, ms: performance.now() - started, rssMiB: process.memoryUsage().rss / 2 ** 20 })}\n`);
}
