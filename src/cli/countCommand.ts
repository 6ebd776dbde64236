import { compileFilter, countMatches, FilterSyntaxError, type BoundFilter } from '../compute/filter';
import type { Dataset } from '../model/types';
import type { Format } from './args';
import type { CommandIo } from './context';
import { csvLine } from '../compute/csvText';
import { UsageError } from './errors';
import { jsonText } from './escapeText';
import { n } from './numbers';
import { poolCount } from './pool/parallel';

export interface CountRequest {
  format: Format;
  where: string;
}

/** The filter checked against the file's columns; a column it lacks or a value of the wrong type is a usage error (exit 2). */
export function fileFilter(dataset: Dataset, where: string): BoundFilter {
  try {
    return compileFilter(where, dataset.fields, dataset.schema);
  } catch (e) {
    if (e instanceof FilterSyntaxError) throw new UsageError(`--where: ${e.message}`);
    throw e;
  }
}

/**
 * `--where EXPR --count`: the rows matching the filter, chunk by chunk (chunks that statistics decide
 * are not read). table: `N matching rows of M`; json/ndjson: `{"rows", "matched", "chunksSkipped"}`;
 * csv: a header and one record.
 */
export async function countCommand(dataset: Dataset, request: CountRequest, io: CommandIo): Promise<number> {
  const filter = fileFilter(dataset, request.where);
  io.progress.restart();
  const onRows = (rowsDone: number) => io.progress.update(rowsDone, dataset.rows, 'rows');
  const result = io.pool ? await poolCount(io.pool, dataset, filter, onRows) : await countMatches(dataset, filter, { onProgress: (p) => onRows(p.rowsDone) });
  io.progress.clear();
  const { rows, matched, chunksSkipped } = result;
  if (request.format === 'table') await io.out.write(`${n(matched)} matching row${matched === 1 ? '' : 's'} of ${n(rows)}\n`);
  else if (request.format === 'csv') await io.out.write(`${csvLine(['rows', 'matched', 'chunksSkipped'], false)}${csvLine([String(rows), String(matched), String(chunksSkipped)], false)}`);
  else await io.out.write(`${jsonText({ rows, matched, chunksSkipped })}\n`);
  return 0;
}
