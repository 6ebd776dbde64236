import { readdirSync, readFileSync } from 'node:fs';

/** A /proc/PID/`file` field in kB (`field:  N kB`), in MiB, summed over every process whose command line mentions `marker`. */
function summedMiB(marker: string, file: string, field: string): number {
  const line = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm');
  let kib = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) continue;
      const m = readFileSync(`/proc/${pid}/${file}`, 'utf8').match(line);
      if (m) kib += Number(m[1]);
    } catch {
      /* process ended while we looked */
    }
  }
  return kib / 1024;
}

/** PSS in MiB summed over every process whose command line mentions `marker` (a Chromium profile dir). */
export const pssMiB = (marker: string): number => summedMiB(marker, 'smaps_rollup', 'Pss');

/** RSS in MiB, as pssMiB but from /proc/PID/status (no walk of the page tables, as smaps_rollup makes). */
export const rssMiB = (marker: string): number => summedMiB(marker, 'status', 'VmRSS');

/**
 * Samples `measure` (RSS unless told) every `everyMs` until stopped; returns the peak. Not PSS: one
 * smaps_rollup scan of Chromium's processes takes 20-40 ms of CPU, so sampling it every 50 ms took
 * half a core from what it measured (W1 unique `contbr_nm` 5.8-6.7 s sampled against 4.4-5.4 s not,
 * at the same load); the RSS scan takes ~1 ms, and its peak added was PSS's within 7% (283-306 against
 * 286-307 MiB over the same count).
 */
export function samplePeak(marker: string, everyMs = 50, measure = rssMiB): () => number {
  let peak = measure(marker);
  const timer = setInterval(() => (peak = Math.max(peak, measure(marker))), everyMs);
  return () => {
    clearInterval(timer);
    return Math.max(peak, measure(marker));
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
