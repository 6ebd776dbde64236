import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli } from '../../bin/cliBuild.mjs';
import { fixture } from '../support/corpus';
import { tempPath } from '../support/files';
import { runCli, type CliResult } from './support/runCli';

const execFileAsync = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const STREAM = fixture('arrow-testing/data/arrow-ipc-stream/integration/cpp-21.0.0/generated_dictionary.stream');
const FILE = fixture('arrow-testing/data/arrow-ipc-stream/integration/cpp-21.0.0/generated_primitive.arrow_file');
const PARQUET = fixture('parquet-testing/data/byte_stream_split.zstd.parquet');
const SAMPLE = resolve(ROOT, 'public/sample.arrow');

const dir = tempPath('pack');
const project = join(dir, 'project');
let packed: string[] = [];

/** The installed command, as a user runs it (`node_modules/.bin/arrowscope`). */
function installed(args: string[]): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(join(project, 'node_modules/.bin/arrowscope'), args, { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.once('error', fail);
    child.once('close', (status) => done({ status: status ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

// `npm pack`, then `npm install` of the tarball into an empty project: dependencies come from npm's cache
// (`npm ci` filled it; --prefer-offline asks the registry only for what it lacks). Scripts are skipped:
// the build the tarball ships is the one the global setup keeps current (prepack rebuilds it for a release).
beforeAll(async () => {
  expect(builtCli(ROOT).current, 'dist-cli/ is missing or older than its sources: the global setup could not build it').toBe(true);
  mkdirSync(project, { recursive: true });
  const { stdout } = await execFileAsync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT });
  const [info] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
  packed = info.files.map((f) => f.path).sort();
  writeFileSync(join(project, 'package.json'), '{ "name": "empty-project", "private": true }\n');
  await execFileAsync('npm', ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', join(dir, info.filename)], { cwd: project });
}, 180_000);

describe('npm pack, then installing the tarball into an empty folder', () => {
  it('packs the built command and the built app, and no sources, tests or source maps', () => {
    expect(packed).toEqual(expect.arrayContaining(['package.json', 'bin/arrowscope.mjs', 'bin/cliBuild.mjs', 'dist-cli/arrowscope.mjs']));
    const built = readdirSync(join(ROOT, 'dist-cli')).filter((name) => name.endsWith('.mjs'));
    expect(packed.filter((p) => p.startsWith('dist-cli/'))).toEqual(built.map((name) => `dist-cli/${name}`).sort());
    for (const path of packed) {
      expect(path).toMatch(/^(bin\/|dist-cli\/|dist\/|package\.json$|README\.md$)/);
      expect(path).not.toMatch(/\.(ts|map)$/);
    }
  });

  it('installs an arrowscope command that runs the built JavaScript (no tsx, no sources in the install)', () => {
    expect(existsSync(join(project, 'node_modules/.bin/arrowscope'))).toBe(true);
    expect(existsSync(join(project, 'node_modules/arrowscope/src'))).toBe(false);
    expect(existsSync(join(project, 'node_modules/tsx'))).toBe(false);
  });

  it.each([
    ['an IPC stream', [STREAM, '--json'], 0],
    ['an IPC file', [FILE, '--json'], 0],
    ['a ZSTD Parquet file', [PARQUET, '--json'], 0],
    ['Parquet rows (parquet-wasm loads its wasm from the install)', [PARQUET, '--rows', '0:20', '--json'], 0],
    ['unique values of a dictionary column', [STREAM, '--unique', '#0', '--json'], 0],
    ['unique values over a pool thread (dist-cli/pool-thread.mjs, started from the install)', [STREAM, '--unique', '#0', '--json', '--threads', '2'], 0],
    ['a usage error', [STREAM, '--rows', 'x'], 2],
  ])('prints what the in-repo CLI prints: %s', async (_what, args, status) => {
    const [got, want] = await Promise.all([installed(args as string[]), runCli(...(args as string[]))]);
    expect(want.status).toBe(status);
    expect(want.stdout.length + want.stderr.length).toBeGreaterThan(0);
    expect(got).toEqual(want);
  });

  it('view serves the app packed with it (or names the install’s own dist/ when the app was not built)', async () => {
    const child = spawn(join(project, 'node_modules/.bin/arrowscope'), ['view', SAMPLE, '--no-open'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const closed = new Promise<number | null>((done) => child.once('close', done));
    if (packed.includes('dist/index.html')) {
      while (!/\n.*#url=.*\n/.test(stdout)) await Promise.race([new Promise((r) => setTimeout(r, 20)), closed]);
      const page = await fetch(new URL(stdout.trim().split('\n')[1]));
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<title>Arrowscope/);
      child.kill('SIGTERM');
      expect(await closed).toBe(0);
    } else {
      expect(await closed).toBe(1);
      expect(stderr).toContain(join(project, 'node_modules/arrowscope/dist/index.html'));
    }
  });
});
