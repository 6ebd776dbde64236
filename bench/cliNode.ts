/**
 * `arrowscope FILE --json` as a user runs it: wall time of the whole process (Node start, module load,
 * open, index, print), median of 3 after one warm-up run, for the command built ahead of time
 * (bin/arrowscope.mjs → dist-cli/) and for the same sources compiled at start through tsx (what
 * bin/ did before), beside pyarrow opening and reading the same stream in a fresh python3
 * (`ipc.open_stream(pa.memory_map(F)).read_all()`, interpreter start included) when pyarrow imports.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { arch, cpus, loadavg } from 'node:os';
import { builtCli } from '../bin/cliBuild.mjs';
import { median } from './median';

export interface CliFigures {
  builtMs: number[];
  tsxMs: number[];
  /** null when python3 cannot import pyarrow. */
  pyarrowMs: number[] | null;
  pyarrowVersion: string | null;
}

/** Wall time of one process to its exit, in ms; a failing run stops the bench. */
function wall(command: string, args: string[]): number {
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
  return ms;
}

const PYARROW_OPEN = 'import sys, pyarrow as pa, pyarrow.ipc as ipc; ipc.open_stream(pa.memory_map(sys.argv[1])).read_all()';

function pyarrowVersion(): string | null {
  try {
    return execFileSync('python3', ['-c', 'import pyarrow; print(pyarrow.__version__)'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** Figures for one IPC stream; builds the CLI first when dist-cli/ is missing or older than its sources. */
export function measureCli(path: string, runs = 3): CliFigures {
  if (!builtCli(process.cwd()).current) execFileSync('npm', ['run', 'build:cli', '--silent'], { stdio: 'inherit' });
  if (!builtCli(process.cwd()).current) throw new Error('dist-cli/ is still not current after npm run build:cli');
  const version = pyarrowVersion();
  const steps: [string, string[], number[]][] = [
    [process.execPath, ['bin/arrowscope.mjs', path, '--json'], []],
    [process.execPath, ['--import', 'tsx', 'src/cli/main.ts', path, '--json'], []],
    ...(version ? [['python3', ['-c', PYARROW_OPEN, path], []] as [string, string[], number[]]] : []),
  ];
  for (const [command, args] of steps) wall(command, args); // warm-up: page cache, tsx's cache
  for (let run = 0; run < runs; run++) for (const [command, args, times] of steps) times.push(wall(command, args));
  return { builtMs: steps[0][2], tsxMs: steps[1][2], pyarrowMs: version ? steps[2][2] : null, pyarrowVersion: version };
}

/** The "Command line" section of BENCHMARKS.md for one file. */
export function cliSection(id: string, what: string, f: CliFigures): string[] {
  const s = (xs: number[] | null) => (xs ? `${(median(xs) / 1000).toFixed(2)} (${xs.map((x) => (x / 1000).toFixed(2)).join(', ')})` : '–');
  const load = loadavg().map((x) => x.toFixed(1)).join(', ');
  return [
    `## The command line (${new Date().toISOString().slice(0, 10)})`,
    '',
    `\`arrowscope FILE --json\` (schema and chunk summary) timed from spawn to exit, Node start included, median of 3 after a warm-up run (the three runs in brackets): the command as installed (bin/arrowscope.mjs running the build in dist-cli/), the same sources compiled at start through tsx (how bin/ ran before), and pyarrow's \`ipc.open_stream(pa.memory_map(F)).read_all()\` in a fresh python3 (interpreter start and \`import pyarrow\` included) on the same file in the same run. Machine: ${cpus().length} × ${cpus()[0]?.model ?? arch()}, load average ${load} when the step ended (shared machine); Node ${process.version}${f.pyarrowVersion ? `; pyarrow ${f.pyarrowVersion}` : '; pyarrow not installed'}.`,
    '',
    '| workload | built (s) | through tsx (s) | pyarrow (s) |',
    '|---|---|---|---|',
    `| ${id}: ${what} | ${s(f.builtMs)} | ${s(f.tsxMs)} | ${s(f.pyarrowMs)} |`,
    '',
  ];
}
