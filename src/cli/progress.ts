import { n } from './numbers';

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

const DELAY_MS = 1000;
const EVERY_MS = 250;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const m = Math.floor(seconds / 60);
  return m < 60 ? `${m} min ${Math.round(seconds % 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/**
 * One progress line on stderr, redrawn in place: what is done of how much, the rate and the time
 * left. Drawn only when stderr is a terminal, not asked to be quiet, and the work has taken more than
 * a second; cleared when the work ends, so nothing is left among the output.
 */
export class Progress {
  private started: number;
  private drawn = 0;
  private visible = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly enabled: boolean,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  static for(stream: ProgressStream, quiet: boolean): Progress {
    return new Progress(stream, !quiet && stream.isTTY === true);
  }

  /** Start timing a new piece of work (the delay and the rate count from here). */
  restart(): void {
    this.clear();
    this.started = this.now();
  }

  update(done: number, total: number, unit: string): void {
    if (!this.enabled) return;
    const t = this.now();
    const elapsed = t - this.started;
    if (elapsed < DELAY_MS || t - this.drawn < EVERY_MS) return;
    this.drawn = t;
    const rate = done / (elapsed / 1000);
    const left = rate > 0 ? (total - done) / rate : Infinity;
    const percent = total > 0 ? ` (${Math.floor((done / total) * 100)}%)` : '';
    this.stream.write(`\r${n(done)} of ${n(total)} ${unit}${percent}, ${n(Math.round(rate))} ${unit}/s, ${duration(left)} left\x1b[K`);
    this.visible = true;
  }

  clear(): void {
    if (!this.visible) return;
    this.stream.write('\r\x1b[K');
    this.visible = false;
  }
}
