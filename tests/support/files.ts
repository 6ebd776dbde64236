import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

// One temporary folder per test file, removed when the file's tests end.
const dir = mkdtempSync(join(tmpdir(), 'arrowscope-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A path in this test file's temporary folder. */
export const tempPath = (name: string): string => join(dir, name);

/** Writes bytes to a fresh temporary file and returns its path. */
export function tempFile(name: string, bytes: Uint8Array): string {
  const path = tempPath(name);
  writeFileSync(path, bytes);
  return path;
}
