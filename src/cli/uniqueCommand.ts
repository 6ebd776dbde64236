import { countUnique } from '../compute/uniqueOfColumn';
import { uniqueResultText } from '../compute/uniqueValueText';
import type { Dataset } from '../model/types';
import type { Format } from './args';
import { resolveColumn } from './columnRef';
import type { CommandIo } from './context';
import { csvLine } from '../compute/csvText';
import { InputError } from './errors';
import { escapeText, jsonText } from './escapeText';
import { n } from './numbers';
import { poolUnique } from './pool/parallel';

const BATCH = 4096;

export interface UniqueRequest {
  format: Format;
  column: string;
  formulaGuard: boolean;
}

/**
 * Value counts of one column over every row, most frequent first. json:
 * `{column, rows, distinct, exact, nulls, values: [{value, count}], note?}`; ndjson: one
 * `{value, count}` per line; csv: value,count,share; table: a heading line, then count and value.
 */
export async function uniqueCommand(dataset: Dataset, request: UniqueRequest, io: CommandIo): Promise<number> {
  const ref = resolveColumn(dataset, request.column);
  if (ref.path.length) throw new InputError(`--unique counts a top-level column; "${ref.name}" is a field inside a struct.`);
  io.progress.restart();
  const onRows = (rowsDone: number) => io.progress.update(rowsDone, dataset.rows, 'rows');
  const counted = io.pool
    ? await poolUnique(io.pool, dataset, ref.column, onRows)
    : await countUnique(dataset, ref.column, { onProgress: (p) => onRows(p.rowsDone) });
  io.progress.clear();
  const result = uniqueResultText(counted, dataset.schema.fields[ref.column].type, ref.field.extension);
  const { format, formulaGuard } = request;
  const values = result.values;
  if (format === 'json') {
    const head = { column: ref.name, rows: result.rows, distinct: result.distinct, exact: result.exact, nulls: result.nulls, ...(result.note ? { note: result.note } : {}) };
    await io.out.write(`${jsonText(head).slice(0, -1)},"values":[`);
    for (let i = 0; i < values.length; i += BATCH) {
      const batch = values.slice(i, i + BATCH).map(({ value, count }) => ({ value, count }));
      await io.out.write(`${i ? ',' : ''}${jsonText(batch).slice(1, -1)}`);
    }
    await io.out.write(']}\n');
    return 0;
  }
  if (format === 'table') {
    await io.out.write(`${escapeText(ref.name)}: ${n(result.rows)} rows, ${n(result.distinct)} distinct${result.exact ? '' : ' (estimate)'}, ${n(result.nulls)} nulls\n`);
  } else if (format === 'csv') {
    await io.out.write(csvLine(['value', 'count', 'share'], formulaGuard));
  }
  const rows = Math.max(1, result.rows);
  for (const { value, count } of values) {
    const line =
      format === 'table'
        ? `${String(count).padStart(12)}  ${value === null ? 'null' : escapeText(String(value))}\n`
        : format === 'ndjson'
          ? `${jsonText({ value, count })}\n`
          : csvLine([value === null ? null : String(value), String(count), (count / rows).toFixed(6)], formulaGuard);
    const pending = io.out.write(line);
    if (pending) await pending;
  }
  if (format === 'table' && result.note) await io.out.write(`${escapeText(result.note)}\n`);
  else if (result.note) io.warn(`arrowscope: ${escapeText(result.note)}`);
  return 0;
}
