import { readdirSync, readFileSync } from 'node:fs';

/** PSS in MiB summed over every process whose command line mentions `marker` (a Chromium profile dir). */
export function pssMiB(marker: string): number {
  let kib = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) continue;
      const m = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
      if (m) kib += Number(m[1]);
    } catch {
      /* process ended while we looked */
    }
  }
  return kib / 1024;
}

/** Samples PSS every `everyMs` until stopped; returns the peak. */
export function samplePeak(marker: string, everyMs = 50): () => number {
  let peak = pssMiB(marker);
  const timer = setInterval(() => (peak = Math.max(peak, pssMiB(marker))), everyMs);
  return () => {
    clearInterval(timer);
    return Math.max(peak, pssMiB(marker));
  };
}

/** PSS in MiB per Chromium process type (browser, renderer, gpu-process, utility…) of the processes mentioning `marker`. */
export function pssByType(marker: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes(marker)) continue;
      const type = cmd.match(/--type=([\w-]+)/)?.[1] ?? 'browser';
      const m = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
      if (m) out[type] = (out[type] ?? 0) + Number(m[1]) / 1024;
    } catch {
      /* process ended while we looked */
    }
  }
  return out;
}
