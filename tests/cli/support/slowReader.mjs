// Reads stdin slowly (a pause after every chunk) and prints what it got: bytes, lines, sha256, and
// whether the whole is valid JSON (or every line is, with --ndjson). Used to pipe the CLI into a slow reader.
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
  if (mode !== 'none') chunks.push(chunk);
  process.stdin.pause();
  setTimeout(() => process.stdin.resume(), pauseMs);
});
process.stdin.on('end', () => {
  let valid = null;
  if (mode !== 'none') {
    const text = Buffer.concat(chunks).toString('utf8');
    try {
      if (mode === 'ndjson') text.split('\n').slice(0, -1).forEach((l) => JSON.parse(l));
      else JSON.parse(text);
      valid = true;
    } catch (e) {
      valid = String(e.message);
    }
  }
  process.stdout.write(JSON.stringify({ bytes, lines, reads, sha256: hash.digest('hex'), valid }));
});
