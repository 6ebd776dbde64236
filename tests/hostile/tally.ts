import { OUTCOME_KINDS, type OutcomeKind } from './classify';
import type { Outcome } from './probePool';

/** Counts of one group of inputs, printed as one line. */
export class Tally {
  readonly counts = new Map<OutcomeKind, number>(OUTCOME_KINDS.map((k) => [k, 0]));
  inputs = 0;
  disagreements = 0;
  slowest = { ms: 0, id: '' };
  /** Why the group ended before its last input, if it did. */
  stoppedEarly?: string;
  private readonly started = performance.now();
  private ms = 0;

  constructor(readonly group: string) {}

  add(outcome: Outcome): void {
    this.inputs++;
    this.counts.set(outcome.kind, this.counts.get(outcome.kind)! + 1);
    if (outcome.result?.disagreement) this.disagreements++;
    if (outcome.ms > this.slowest.ms) this.slowest = { ms: outcome.ms, id: outcome.input.id };
  }

  finish(): void {
    this.ms = performance.now() - this.started;
  }

  line(): string {
    const counts = OUTCOME_KINDS.map((k) => `${k} ${this.counts.get(k)}`).join(', ');
    const stopped = this.stoppedEarly ? ` (${this.stoppedEarly})` : '';
    return `  ${this.group}: ${this.inputs} inputs${stopped} in ${(this.ms / 1000).toFixed(1)} s: ${counts}; CLI and app disagree on ${this.disagreements}; slowest ${Math.round(this.slowest.ms)} ms (${this.slowest.id})`;
  }
}
