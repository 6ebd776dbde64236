import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { distinctValuesFile, manyBatchesFile } from './support/fixtures';
import { BIN, runCli, spawnCli } from './support/runCli';

const SLOW_READER = 'tests/cli/support/slowReader.mjs';

interface Piped {
  status: number | null;
  stderr: string;
  reader: { bytes: number; lines: number; reads: number; sha256: string; valid: true | string | null; arrays: Record<string, number>; last?: string };
}

/** The real command with its stdout connected straight to a child process that reads slowly (a pause after each chunk). */
function throughSlowReader(args: string[], pauseMs: number, mode: 'json' | 'ndjson' | 'none'): Promise<Piped> {
  const reader = spawn(process.execPath, [SLOW_READER, String(pauseMs), mode], { stdio: ['pipe', 'pipe', 'inherit'] });
  const cli = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', reader.stdin, 'pipe'] });
  reader.stdin.destroy(); // the command holds the pipe's only write end now
  let stderr = '';
  let report = '';
  cli.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  reader.stdout.on('data', (c: Buffer) => (report += c.toString()));
  const cliDone = new Promise<number | null>((resolve) => cli.once('close', resolve));
  const readerDone = new Promise<void>((resolve) => reader.once('close', () => resolve()));
  return Promise.all([cliDone, readerDone]).then(([status]) => ({ status, stderr, reader: JSON.parse(report) }));
}

const digest = (text: string) => ({ bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') });

let many: string;
let distinct: string;

beforeAll(() => {
  many = manyBatchesFile(100_000);
  distinct = distinctValuesFile(100_000);
});

describe.concurrent('output piped to a slow reader is complete', () => {
  it('--json of a 100,000-batch summary (~7 MB): every byte, valid JSON, exit 0', async () => {
    const expected = digest((await runCli(many, '--json')).stdout);
    expect(expected.bytes).toBeGreaterThan(7_000_000);
    const piped = await throughSlowReader([many, '--json'], 10, 'json');
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.reader).toMatchObject({ ...expected, valid: true });
    expect(piped.reader.reads).toBeGreaterThan(50); // the reader really took it in many slow pieces
  });

  it('--unique --json of 100,000 distinct values (~4 MB): valid JSON listing all of them', async () => {
    const piped = await throughSlowReader([distinct, '--unique', 'name', '--json'], 10, 'json');
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.reader).toMatchObject({ valid: true, arrays: { values: 100_000 } });
    expect(piped.reader.bytes).toBeGreaterThan(4_000_000);
  });

  it('--all-chunks of 100,000 batches: 100,006 lines, down to the last batch', async () => {
    const piped = await throughSlowReader([many, '--all-chunks'], 10, 'none');
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.reader.lines).toBe(100_006);
    expect(piped.reader.last).toMatch(/^\s+99999\s+1\s+99,999\s/);
  });

  it('--rows 0: --format ndjson of 100,000 rows: every line valid JSON, down to the last row', async () => {
    const piped = await throughSlowReader([distinct, '--rows', '0:', '--format', 'ndjson'], 10, 'ndjson');
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.reader).toMatchObject({ lines: 100_000, valid: true, last: '{"name":"name 099999 xxxxx","n":"99999"}' });
  });

  it('a reader that stops early (like head): the command ends quietly with 0', async () => {
    const reader = spawn(process.execPath, ['-e', "process.stdin.once('data', () => process.exit(0))"], { stdio: ['pipe', 'ignore', 'inherit'] });
    const cli = spawn(process.execPath, [BIN, distinct, '--rows', '0:', '--format', 'ndjson'], { stdio: ['ignore', reader.stdin, 'pipe'] });
    reader.stdin.destroy();
    let stderr = '';
    cli.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const status = await new Promise((resolve) => cli.once('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('exit codes of the real process: 1 with the reason on stderr, 2 for a usage error, nothing on stdout', async () => {
    const [missing, usage] = await Promise.all([spawnCli(['public/sample.arrow', '--column', 'nope']), spawnCli(['public/sample.arrow', '--rows', 'x'])]);
    expect(missing).toMatchObject({ status: 1, stdout: '' });
    expect(missing.stderr).toMatch(/^arrowscope: No column named "nope"/);
    expect(usage).toMatchObject({ status: 2, stdout: '' });
    expect(usage.stderr).toMatch(/^arrowscope: --rows takes A:B/);
  });
});
