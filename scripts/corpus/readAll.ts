import { LocatedError } from '../../src/model/errors';
import { openDataset } from '../../src/dataset/openDataset';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { vectorText } from '../../src/valueText';
import { compareWithReference, type ReferenceOutcome } from './parquetReference';

export type ReadAllOutcome =
  | { kind: 'data'; chunks: number; columns: number; columnErrors: number; firstColumnError?: string; problems: number; reference?: ReferenceOutcome }
  | { kind: 'error'; message: string }
  | { kind: 'unclear'; message: string };

/** Fuzzer and bad-data inputs: no reference values, and they may trip up the reference reader itself. */
const MALFORMED = /\/(fuzzing|bad_data|crash|malformed)\//i;

/**
 * Opens a file and reads every column of every chunk, formatting every value as the app would;
 * well-formed Parquet is also compared with an independent reader.
 */
export async function readAll(path: string): Promise<ReadAllOutcome> {
  const source = await NodeFileSource.open(path);
  try {
    const dataset = await openDataset(source);
    await dataset.indexed;
    let columnErrors = 0;
    let firstColumnError: string | undefined;
    for (let b = 0; b < dataset.chunks.length; b++) {
      for (let c = 0; c < dataset.fields.length; c++) {
        try {
          const v = await dataset.readColumn(b, c);
          vectorText(v); // every value, as the app shows it
        } catch (e) {
          if (!(e instanceof LocatedError)) return { kind: 'unclear', message: `chunk ${b} column ${c}: ${(e as Error).name}: ${(e as Error).message}` };
          columnErrors++;
          firstColumnError ??= `chunk ${b} column ${dataset.fields[c]?.name}: ${e.message}`;
        }
        try {
          await dataset.pages?.(b, c); // Parquet: every page header, as the Chunks view lists them
        } catch (e) {
          if (!(e instanceof LocatedError)) return { kind: 'unclear', message: `pages of chunk ${b} column ${c}: ${(e as Error).name}: ${(e as Error).message}` };
        }
      }
    }
    const reference = dataset.format === 'parquet' && !MALFORMED.test(path) && !columnErrors ? await compareWithReference(path, dataset) : undefined;
    await dataset.close();
    return { kind: 'data', chunks: dataset.chunks.length, columns: dataset.fields.length, columnErrors, firstColumnError, problems: dataset.problems.length, reference };
  } catch (e) {
    await source.close().catch(() => {});
    if (e instanceof LocatedError) return { kind: 'error', message: e.message };
    return { kind: 'unclear', message: `${(e as Error).name}: ${(e as Error).message}` };
  }
}
