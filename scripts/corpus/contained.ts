import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ReadAllOutcome } from './readAll';

export interface ContainedResult {
  path: string;
  outcome: ReadAllOutcome | { kind: 'hang' | 'crash' | 'over memory'; message: string };
  ms: number;
}

/** No file may grow the reading process past this (the bound for the tab and the CLI). */
const MAX_RSS_MIB = 1024;

/**
 * Runs `readAll` over many files in a child process with a heap cap; a file that takes longer than
 * `timeoutMs` or kills the process is recorded as such and the rest go on in a fresh child.
 */
export async function readAllContained(paths: string[], timeoutMs = 10_000, heapMb = 1024): Promise<ContainedResult[]> {
  const results: ContainedResult[] = [];
  let rest = [...paths];
  while (rest.length) {
    const done = await new Promise<{ finished: ContainedResult[]; failed?: ContainedResult }>((resolve) => {
      const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, '--import', 'tsx', 'scripts/corpus/readAllChild.ts', ...rest], { stdio: ['ignore', 'pipe', 'pipe'] });
      const finished: ContainedResult[] = [];
      let current: string | null = null;
      let startedAt = 0;
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          child.kill('SIGKILL');
        }, timeoutMs);
      };
      createInterface({ input: child.stdout }).on('line', (line) => {
        const msg = JSON.parse(line) as { path: string; start?: boolean; outcome?: ReadAllOutcome; ms?: number; rssMiB?: number };
        if (msg.start) {
          current = msg.path;
          startedAt = performance.now();
          arm();
        } else {
          const over = msg.rssMiB! > MAX_RSS_MIB;
          finished.push({ path: msg.path, outcome: over ? { kind: 'over memory', message: `the process reached ${Math.round(msg.rssMiB!)} MiB` } : msg.outcome!, ms: msg.ms! });
          current = null;
        }
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += String(d)));
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (current === null) return resolve({ finished });
        const ms = performance.now() - startedAt;
        const kind = signal === 'SIGKILL' && ms >= timeoutMs - 50 ? 'hang' : 'crash';
        resolve({ finished, failed: { path: current, outcome: { kind, message: kind === 'hang' ? `no result after ${timeoutMs} ms` : `process exited (${signal ?? code}): ${stderr.slice(-300)}` }, ms } });
      });
    });
    results.push(...done.finished);
    if (done.failed) results.push(done.failed);
    const handled = new Set(results.map((r) => r.path));
    rest = rest.filter((p) => !handled.has(p));
  }
  return results;
}
