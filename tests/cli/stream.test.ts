import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempPath } from '../support/files';
import { BIN, parseCsv, runCli } from './support/runCli';

const ROWS = 30 * 100_000;
const MAX_RSS_MB = 400;
const TIME = '/usr/bin/time';

interface Streamed {
  status: number | null;
  stderr: string;
  bytes: number;
  lines: number;
  head: string;
  tail: string;
  peakRssMb: number;
}

/** Peak resident memory of a process so far (VmHWM), in MB; 0 once it is gone. */
function peakRss(pid: number): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs the real command, counting its output as it comes (nothing kept but the first and last
 * bytes), and measures its peak memory: with GNU time when installed, else by sampling VmHWM.
 */
function stream(args: string[]): Promise<Streamed> {
  const timed = existsSync(TIME);
  const child = timed
    ? spawn(TIME, ['-f', 'maxrss_kb=%M', process.execPath, BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let bytes = 0;
  let lines = 0;
  let head = '';
  let tail = Buffer.alloc(0);
  let stderr = '';
  let sampled = 0;
  const sampler = timed ? null : setInterval(() => (sampled = Math.max(sampled, peakRss(child.pid!))), 50);
  child.stdout.on('data', (c: Buffer) => {
    bytes += c.length;
    for (let i = c.indexOf(10); i >= 0; i = c.indexOf(10, i + 1)) lines++;
    if (head.length < 2000) head += c.subarray(0, 2000).toString();
    tail = Buffer.concat([tail, c]).subarray(-2000);
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => {
    child.once('close', (status) => {
      if (sampler) clearInterval(sampler);
      const m = stderr.match(/maxrss_kb=(\d+)\n?$/);
      const peakRssMb = m ? Number(m[1]) / 1024 : sampled;
      resolve({ status, stderr: stderr.replace(/maxrss_kb=\d+\n?$/, ''), bytes, lines, head, tail: tail.toString(), peakRssMb });
    });
  });
}

const FILE = tempPath('fec-30-copies.arrows');

beforeAll(async () => {
  // The FEC-like generator: 3,000,000 rows (30 copies of 100,000, ~540 MB) in ~5 s; 100,000-row
  // batches, so that the CLI's 32,768-row windows cross batch boundaries.
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/gen.ts', '--copies', '30', '--rows', '100000', '--format', 'stream', '--out', FILE]);
}, 120_000);

describe.concurrent('NDJSON and CSV stream a multi-million-row file in bounded memory', () => {
  it(`--format csv of one column over 3,000,000 rows: 3,000,001 lines, peak RSS under ${MAX_RSS_MB} MB`, async () => {
    const r = await stream([FILE, '--rows', '0:', '--column', 'cand_nm', '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.lines).toBe(ROWS + 1);
    const first = (await runCli(FILE, '--rows', '0:3', '--column', 'cand_nm', '--format', 'csv')).stdout;
    expect(r.head.startsWith(first)).toBe(true);
    const last = (await runCli(FILE, '--rows', `${ROWS - 3}:`, '--column', 'cand_nm', '--format', 'csv')).stdout;
    expect(r.tail.endsWith(last.slice(last.indexOf('\r\n') + 2))).toBe(true); // the last three rows, without the header
    expect(parseCsv(last)).toHaveLength(4);
    expect(r.peakRssMb).toBeLessThan(MAX_RSS_MB);
    console.log(`csv: ${r.bytes.toLocaleString('en-US')} bytes, peak RSS ${r.peakRssMb.toFixed(0)} MB`);
  });

  it(`--format ndjson of two columns over 3,000,000 rows: one valid object per row, peak RSS under ${MAX_RSS_MB} MB`, async () => {
    const r = await stream([FILE, '--rows', '0:', '--columns', 'contb_receipt_amt,file_num', '--format', 'ndjson']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.lines).toBe(ROWS);
    const [firstLine] = r.head.split('\n');
    expect(Object.keys(JSON.parse(firstLine))).toEqual(['contb_receipt_amt', 'file_num']);
    const lastLine = r.tail.trimEnd().split('\n').pop()!;
    const expected = (await runCli(FILE, '--rows', `${ROWS - 1}:`, '--columns', 'contb_receipt_amt,file_num', '--format', 'ndjson')).stdout.trim();
    expect(lastLine).toBe(expected);
    expect(r.peakRssMb).toBeLessThan(MAX_RSS_MB);
    console.log(`ndjson: ${r.bytes.toLocaleString('en-US')} bytes, peak RSS ${r.peakRssMb.toFixed(0)} MB`);
  });
});
