import type { ChunkInfo, Dataset, FieldInfo } from '../model/types';
import type { Format } from './args';
import type { CommandIo } from './context';
import { csvLine } from '../compute/csvText';
import { escapeText, jsonText } from './escapeText';
import { n } from './numbers';
import { SCHEMA_DEPTH, nestingDepth, typeText } from './typeSummary';

const BATCH = 10_000;
const TABLE_CHUNKS = 20;

export interface SummaryRequest {
  format: Format;
  allChunks: boolean;
}

/** A field for JSON: as the engine describes it, its type summarised and its children cut past SCHEMA_DEPTH levels. */
export function fieldJson(field: FieldInfo, depth = 0): Record<string, unknown> {
  const { children, ...rest } = field;
  const out: Record<string, unknown> = { ...rest, type: typeText(field) };
  if (depth >= SCHEMA_DEPTH && children.length) {
    out.children = [];
    out.omittedLevels = nestingDepth(field);
  } else {
    out.children = children.map((c) => fieldJson(c, depth + 1));
  }
  return out;
}

const chunkJson = (c: ChunkInfo) => ({ index: c.index, rows: c.rows, rowOffset: c.rowOffset, offset: c.offset, bytes: c.bytes });

/** Schema and chunks. json: {file, format, version, size, rows, createdBy, schema, chunks, problems}; ndjson/csv: one chunk per line. */
export async function summaryCommand(dataset: Dataset, request: SummaryRequest, io: CommandIo): Promise<number> {
  const chunks = dataset.chunks;
  switch (request.format) {
    case 'json': {
      const head = {
        file: dataset.source.name,
        format: dataset.format,
        version: dataset.version,
        size: dataset.source.size,
        rows: dataset.rows,
        createdBy: dataset.createdBy,
        schema: { fields: dataset.fields.map((f) => fieldJson(f)), metadata: dataset.metadata },
      };
      await io.out.write(`${jsonText(head).slice(0, -1)},"chunks":[`);
      for (let i = 0; i < chunks.length; i += BATCH) {
        await io.out.write(`${i ? ',' : ''}${jsonText(chunks.slice(i, i + BATCH).map(chunkJson)).slice(1, -1)}`);
      }
      await io.out.write(`],"problems":${jsonText(dataset.problems)}}\n`);
      return 0;
    }
    case 'ndjson':
    case 'csv': {
      if (request.format === 'csv') await io.out.write(csvLine(['index', 'rows', 'rowOffset', 'offset', 'bytes']));
      for (const c of chunks) {
        const line = request.format === 'csv' ? csvLine([c.index, c.rows, c.rowOffset, c.offset, c.bytes].map(String)) : `${jsonText(chunkJson(c))}\n`;
        const pending = io.out.write(line);
        if (pending) await pending;
      }
      return 0;
    }
    case 'table':
      for (const line of summaryLines(dataset, request.allChunks ? Infinity : TABLE_CHUNKS)) {
        const pending = io.out.write(`${line}\n`);
        if (pending) await pending;
      }
      return 0;
  }
}

/** The schema tree as indented lines, SCHEMA_DEPTH levels deep at most (without recursion). */
function* fieldLines(fields: readonly FieldInfo[]): Generator<string> {
  const stack: [FieldInfo, number][] = [...fields].reverse().map((f) => [f, 0]);
  while (stack.length) {
    const [field, depth] = stack.pop()!;
    const flags = [field.nullable ? '' : 'not null', field.extension ?? '', field.unsupported ? `UNSUPPORTED: ${field.unsupported}` : ''].filter(Boolean);
    yield `${'  '.repeat(depth + 1)}${escapeText(field.name)}: ${escapeText(typeText(field))}${flags.length ? `  (${escapeText(flags.join(', '))})` : ''}`;
    if (!field.children.length) continue;
    if (depth >= SCHEMA_DEPTH) {
      yield `${'  '.repeat(depth + 2)}… ${n(nestingDepth(field))} more levels`;
      continue;
    }
    for (let i = field.children.length - 1; i >= 0; i--) stack.push([field.children[i], depth + 1]);
  }
}

/** Human-readable schema and chunk summary, every name and text from the file escaped. */
export function* summaryLines(dataset: Dataset, maxChunks: number): Generator<string> {
  const kind = dataset.format === 'parquet' ? 'row groups' : 'batches';
  yield `${escapeText(dataset.source.name)}: ${dataset.format}${dataset.version ? ` ${escapeText(dataset.version)}` : ''}, ${n(dataset.source.size)} bytes, ${n(dataset.rows)} rows in ${n(dataset.chunks.length)} ${kind}`;
  if (dataset.createdBy) yield `created by: ${escapeText(dataset.createdBy)}`;
  yield 'schema:';
  yield* fieldLines(dataset.fields);
  const meta = Object.entries(dataset.metadata);
  if (meta.length) {
    yield 'metadata:';
    for (const [k, v] of meta) yield `  ${escapeText(k)}: ${escapeText(v.length > 100 ? `${v.slice(0, 100)}… (${n(v.length)} chars)` : v)}`;
  }
  yield `${kind}:`;
  yield `  ${'#'.padStart(6)} ${'rows'.padStart(12)} ${'first row'.padStart(14)} ${'offset'.padStart(16)} ${'bytes'.padStart(14)}`;
  const shown = Math.min(maxChunks, dataset.chunks.length);
  for (let i = 0; i < shown; i++) {
    const c = dataset.chunks[i];
    yield `  ${String(c.index).padStart(6)} ${n(c.rows).padStart(12)} ${n(c.rowOffset).padStart(14)} ${n(c.offset).padStart(16)} ${n(c.bytes).padStart(14)}`;
  }
  if (dataset.chunks.length > shown) yield `  … ${n(dataset.chunks.length - shown)} more (--all-chunks lists them)`;
  for (const p of dataset.problems) yield `problem: ${escapeText(`${p.message}${p.stillWorks ? ` ${p.stillWorks}` : ''}`)}`;
}
