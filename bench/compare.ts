import type { AppFigures, UniqueInAppFigures } from './appChromium';
import type { PeerRun, PeerStep } from './peersChromium';

interface Side {
  ms?: number;
  mib?: number;
  longestMs?: number;
  note?: string;
}

const num = (n: number | undefined, d = 0) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(d));
const ratio = (ours?: number, peer?: number) => (ours === undefined || peer === undefined || Number.isNaN(ours) || Number.isNaN(peer) || peer === 0 ? '–' : `${(ours / peer).toFixed(ours / peer < 0.1 ? 3 : 2)}`);

function peerSide(s: PeerStep | undefined): Side {
  if (!s) return { note: 'not run' };
  if (s.error) return { note: s.error, mib: s.peakAddedMiB };
  return { ms: s.ms, mib: s.peakAddedMiB, longestMs: s.longestTaskMs };
}

/** Steps one after another as one, as the user waits for them from the moment the file is given. */
function sequence(peer: PeerRun, names: string[], as: string): PeerStep | undefined {
  const steps = names.map((n) => peer.steps.find((s) => s.step === n));
  if (steps.some((s) => !s)) return undefined;
  const failed = steps.find((s) => s!.error);
  if (failed) return failed;
  const all = steps as PeerStep[];
  return { step: as, ms: all.reduce((t, s) => t + s.ms!, 0), peakAddedMiB: Math.max(...all.map((s) => s.peakAddedMiB)), steadyAddedMiB: all[all.length - 1].steadyAddedMiB, longestTaskMs: Math.max(...all.map((s) => s.longestTaskMs)) };
}

/** Rows of the side-by-side table: each step's time, peak memory above an empty tab and longest task, ours / peer. */
export function comparisonRows(workload: string, ours: AppFigures, oursUnique: UniqueInAppFigures[], peer: PeerRun): string[] {
  // Schema and index count from the file given, as ours do: DuckDB starts its engine first.
  const engineStart = peer.steps.some((s) => s.step === 'start');
  const steps: [string, Side, PeerStep | undefined][] = [
    ['schema', { ms: ours.openMs, mib: ours.openPeakAddedMiB, longestMs: ours.longestTaskMs }, sequence(peer, engineStart ? ['start', 'describe'] : ['schema'], 'schema')],
    ['full chunk index', { ms: ours.indexMs, mib: ours.openPeakAddedMiB, longestMs: ours.longestTaskMs }, sequence(peer, [engineStart ? 'start' : 'schema', 'index'], 'index')],
    ['chunk 5 row 1000 (ours: on screen)', { ms: ours.chunk5Row1000Ms }, peer.steps.find((s) => s.step === 'chunk 5 row 1000')],
    ['row 37,000,000 (ours: on screen)', { ms: ours.row37MMs }, peer.steps.find((s) => s.step === 'row 37,000,000')],
    ...oursUnique.map((u): [string, Side, PeerStep | undefined] => [`unique ${u.column}`, { ms: u.seconds * 1000, mib: u.peakAddedMiB, longestMs: u.longestTaskMs }, peer.steps.find((s) => s.step === `unique ${u.column}`)]),
  ];
  return steps.map(([step, o, p]) => {
    const q = peerSide(p);
    return `| ${workload} | ${step} | ${peer.peer} | ${num(o.ms, 1)} | ${q.note && q.ms === undefined ? q.note : num(q.ms, 1)} | **${ratio(o.ms, q.ms)}** | ${num(o.mib)} | ${num(q.mib)} | **${ratio(o.mib, q.mib)}** | ${num(o.longestMs)} | ${num(q.longestMs)} |`;
  });
}

export const COMPARISON_HEADER = [
  '| workload | step | peer | ours (ms) | peer (ms) | time ours/peer | ours peak added (MiB) | peer peak added (MiB) | memory ours/peer | ours longest task (ms) | peer longest task (ms) |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
];
