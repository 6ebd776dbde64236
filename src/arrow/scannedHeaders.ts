import type { RecordBatchHeader } from '../adapters/apacheArrowInternals';

/** Metadata bytes of the batch headers kept: a few thousand batches of a few dozen columns. */
const BUDGET_BYTES = 1024 * 1024;

/**
 * Record batch headers decoded while a stream was indexed, kept while their metadata fits a budget:
 * the first read of a batch's rows (a jump) then starts with its column reads, not with a read of
 * its header (one read and one round trip fewer).
 */
export class ScannedHeaders {
  private readonly kept = new Map<number, RecordBatchHeader>();
  private bytes = 0;
  constructor(private readonly budgetBytes = BUDGET_BYTES) {}

  keep(batch: number, header: RecordBatchHeader, metadataLength: number): void {
    if (this.bytes + metadataLength > this.budgetBytes) return;
    this.bytes += metadataLength;
    this.kept.set(batch, header);
  }

  get(batch: number): RecordBatchHeader | undefined {
    return this.kept.get(batch);
  }

  get size(): number {
    return this.kept.size;
  }
}
