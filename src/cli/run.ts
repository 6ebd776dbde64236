import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { openDataset } from '../dataset/openDataset';
import type { Dataset } from '../model/types';
import { NodeFileSource } from '../source/nodeFileSource';
import { parseCommand, type Command } from './args';
import type { CommandIo } from './context';
import { EXIT_OK, InputError, UsageError, errorLine, exitCodeOf } from './errors';
import { HELP } from './help';
import { Output, OutputClosed } from './output';
import { Progress, type ProgressStream } from './progress';
import type { FileThreads } from './pool/parallel';
import { defaultThreads, POOL_MIN_BYTES, ThreadPool } from './pool/threadPool';
import { TOP_K_DEFAULT } from '../compute/sort';
import { countCommand } from './countCommand';
import { exportCommand } from './exportCommand';
import { matchesCommand } from './matchesCommand';
import { rowsCommand } from './rowsCommand';
import { sortCommand } from './sortCommand';
import { summaryCommand } from './summaryCommand';
import { uniqueCommand } from './uniqueCommand';
import { viewCommand } from './viewCommand';

export interface RunStreams {
  stdout: Writable;
  stderr: Writable & ProgressStream;
  /** For `view` / `serve`: a promise that resolves when serving should stop (Ctrl+C). */
  stop?: () => Promise<unknown>;
}

type FileCommand = Exclude<Command, { kind: 'help' } | { kind: 'view' }> & { threads?: number };

/** Threads for scans: --threads when given, else one per core on a file big enough to pay for starting them. */
function poolFor(command: FileCommand, size: number): FileThreads | null {
  const threads = command.threads ?? (size >= POOL_MIN_BYTES ? defaultThreads() : 1);
  return threads > 1 ? { pool: new ThreadPool(threads - 1), path: resolve(command.file) } : null;
}

/** Commands that will scan with the pool (--unique, --where --count, a --sort top-K): its threads start and open the file meanwhile. */
function scansWithPool(command: FileCommand): boolean {
  if (command.kind === 'unique' || command.kind === 'count') return true;
  if (command.kind === 'sorted') return command.rows === undefined && (command.limit ?? 0) <= TOP_K_DEFAULT;
  return command.kind === 'export' && command.sort !== undefined && command.rows === undefined && command.limit !== undefined && command.limit <= TOP_K_DEFAULT;
}

async function inspect(command: FileCommand, io: CommandIo): Promise<number> {
  if ((await stat(command.file)).isDirectory()) throw new InputError(`${command.file} is a folder, not a file (arrowscope serve DIR serves a folder).`);
  const source = await NodeFileSource.open(command.file);
  const pool = poolFor(command, source.size);
  if (pool && scansWithPool(command)) pool.pool.warm(pool.path);
  let dataset: Dataset;
  io.progress.restart();
  try {
    dataset = await openDataset(source, { onProgress: (p) => io.progress.update(p.bytesScanned, source.size, 'bytes indexed') });
  } catch (e) {
    await pool?.pool.close();
    await source.close().catch(() => {});
    throw e;
  }
  try {
    await dataset.indexed;
    io.progress.clear();
    io = { ...io, pool };
    if (command.kind === 'rows') return await rowsCommand(dataset, command, io);
    if (command.kind === 'unique') return await uniqueCommand(dataset, command, io);
    if (command.kind === 'count') return await countCommand(dataset, command, io);
    if (command.kind === 'matches') return await matchesCommand(dataset, command, io);
    if (command.kind === 'sorted') return await sortCommand(dataset, command, io);
    if (command.kind === 'export') return await exportCommand(dataset, command, io);
    return await summaryCommand(dataset, command, io);
  } finally {
    io.progress.clear();
    await pool?.pool.close();
    await dataset.close();
  }
}

/**
 * The whole command: parse, run, write everything to stdout with backpressure and wait until it has
 * left the process. Returns the exit code (0 ok, 1 the file or a column could not be read, 2 usage);
 * a reader that closes stdout early (EPIPE) ends the work quietly with 0.
 */
export async function run(argv: string[], streams: RunStreams): Promise<number> {
  const out = new Output(streams.stdout);
  streams.stderr.on('error', () => {}); // a closed stderr must not crash the run
  const warn = (line: string) => void streams.stderr.write(`${line}\n`);
  let progress = new Progress(streams.stderr, false);
  try {
    const command = parseCommand(argv);
    if (command.kind === 'help') {
      await out.write(`${HELP}\n`);
    } else if (command.kind === 'view') {
      const code = await viewCommand(command, { out, warn, progress }, streams.stop?.() ?? new Promise(() => {}));
      await out.finish();
      return code;
    } else {
      progress = Progress.for(streams.stderr, command.quiet);
      const code = await inspect(command, { out, warn, progress });
      await out.finish();
      return code;
    }
    await out.finish();
    return EXIT_OK;
  } catch (e) {
    progress.clear();
    if (e instanceof OutputClosed && e.byReader) return EXIT_OK;
    try {
      await out.finish(); // what was written before the error still reaches the reader
    } catch {
      // the output is gone too: only the message is left to give
    }
    streams.stderr.write(errorLine(e));
    if (e instanceof UsageError) streams.stderr.write('Usage: arrowscope FILE [options] | view FILE | serve DIR (arrowscope --help lists the options)\n');
    return exitCodeOf(e);
  }
}
