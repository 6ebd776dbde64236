import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import type { CommandIo } from '../../../src/cli/context';
import { Output } from '../../../src/cli/output';
import { Progress } from '../../../src/cli/progress';
import { run } from '../../../src/cli/run';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** The command in this process (same code as the bin, minus start-up): exit code and both outputs. */
export async function runCli(...args: string[]): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const status = await run(args, { stdout, stderr });
  return { status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/** One command function on an open dataset, with its output and stderr lines collected. */
export async function commandOutput(command: (io: CommandIo) => Promise<number>): Promise<{ code: number; stdout: string; stderr: string }> {
  const stream = new PassThrough();
  const parts: Buffer[] = [];
  stream.on('data', (c: Buffer) => parts.push(c));
  let stderr = '';
  const out = new Output(stream);
  const code = await command({ out, warn: (line) => (stderr += `${line}\n`), progress: new Progress({ write: () => true }, false) });
  await out.finish();
  return { code, stdout: Buffer.concat(parts).toString('utf8'), stderr };
}

/** The command as `npx arrowscope` runs it: the build in dist-cli/, which the global setup (buildCli.ts) keeps current. */
export const BIN = 'bin/arrowscope.mjs';

/** The real `arrowscope` process (through bin/, as `npx arrowscope` runs it). */
export function spawnCli(args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status: status ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** RFC 4180 records (CRLF or LF between records, quoted fields with doubled quotes). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length) records.push([...record, field]);
  return records;
}
