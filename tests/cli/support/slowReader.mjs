// Reads stdin slowly (a pause after every chunk) and prints what it got: bytes, lines, the last line,
// sha256, and whether the whole is valid JSON (mode json: with the length of each top-level array) or
// every line is (mode ndjson). Used to pipe the CLI into a slow reader.
import { createHash } from 'node:crypto';

const pauseMs = Number(process.argv[2] ?? 10);
const mode = process.argv[3] ?? 'json';
const hash = createHash('sha256');
const chunks = [];
let bytes = 0;
let lines = 0;
let reads = 0;
process.stdin.on('data', (chunk) => {
  bytes += chunk.length;
  reads++;
  for (const b of chunk) if (b === 10) lines++;
  hash.update(chunk);
  chunks.push(chunk);
  process.stdin.pause();
  setTimeout(() => process.stdin.resume(), pauseMs);
});
process.stdin.on('end', () => {
  let valid = null;
  const arrays = {};
  const text = Buffer.concat(chunks).toString('utf8');
  if (mode !== 'none') {
    try {
      if (mode === 'ndjson') text.split('\n').slice(0, -1).forEach((l) => JSON.parse(l));
      else for (const [k, v] of Object.entries(JSON.parse(text))) if (Array.isArray(v)) arrays[k] = v.length;
      valid = true;
    } catch (e) {
      valid = String(e.message);
    }
  }
  const last = text.trimEnd().split('\n').pop();
  process.stdout.write(JSON.stringify({ bytes, lines, reads, sha256: hash.digest('hex'), valid, arrays, last: mode === 'json' ? undefined : last }));
});
