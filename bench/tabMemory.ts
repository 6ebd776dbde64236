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
