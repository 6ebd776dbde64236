/**
 * Vitest global setup: builds the command ahead of time (vite.cli.config.ts → dist-cli/) when the build is
 * missing or older than its sources, so the tests that start the real process (bin/arrowscope.mjs) run the
 * built JavaScript, as an installed package does, instead of compiling TypeScript through tsx at each start.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtCli } from '../../../bin/cliBuild.mjs';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export default function setup(): void {
  if (builtCli(ROOT).current) return;
  // Built beside the real folder and swapped in, so a CLI started meanwhile (another test run) never
  // sees a half-written dist-cli/: it finds the old build, or none and falls back to tsx.
  const target = join(ROOT, 'dist-cli');
  const fresh = join(ROOT, `dist-cli.tmp-${process.pid}`);
  const old = join(ROOT, `dist-cli.old-${process.pid}`);
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.cli.config.ts', '--outDir', fresh], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    if (existsSync(target)) renameSync(target, old);
    renameSync(fresh, target);
  } catch (error) {
    if (builtCli(ROOT).current) return; // another test run swapped its build in first
    // A source another change left unparseable must not stop unrelated test files: the CLI then runs through
    // tsx (and fails there for the same reason), and tests/cli/pack.test.ts fails on the missing build.
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    console.warn(`arrowscope: could not build the CLI (tests run it through tsx): ${stderr || String(error)}`);
  } finally {
    rmSync(fresh, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
}
