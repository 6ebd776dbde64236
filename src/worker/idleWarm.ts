/** How long the engine must go without a row read before compute workers start. */
export const IDLE_MS = 1000;

/**
 * Runs a warm-up (starting the compute workers for a file just opened) once the engine has gone
 * IDLE_MS without a row read: right after an open the user is usually looking at rows, and on two
 * cores workers opening the file beside the grid's reads slowed a jump from ~120 to ~280 ms.
 */
export class IdleWarm {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: (() => void) | undefined;

  constructor(private readonly idleMs = IDLE_MS) {}

  /** `warm` runs once reads have paused; a later schedule replaces it. */
  schedule(warm: () => void): void {
    this.pending = warm;
    this.restart();
  }

  /** A read the user waits for: a pending warm-up waits until reads pause again. */
  busy(): void {
    if (this.pending) this.restart();
  }

  private fire(): void {
    clearTimeout(this.timer);
    const warm = this.pending;
    this.pending = undefined;
    warm?.();
  }

  private restart(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), this.idleMs);
  }
}
