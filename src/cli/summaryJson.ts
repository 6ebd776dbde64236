import type { Dataset, FieldInfo } from '../model/types';

/** The `--json` shape: format, total rows, schema, and one entry per batch / row group. */
export function summaryJson(dataset: Dataset) {
  return {
    file: dataset.source.name,
    format: dataset.format,
    version: dataset.version,
    size: dataset.source.size,
    rows: dataset.rows,
    createdBy: dataset.createdBy,
    schema: { fields: dataset.fields, metadata: dataset.metadata },
    chunks: dataset.chunks.map((c) => ({ index: c.index, rows: c.rows, rowOffset: c.rowOffset, offset: c.offset, bytes: c.bytes })),
    problems: dataset.problems,
  };
}

function fieldLines(field: FieldInfo, depth: number, out: string[]): void {
  const flags = [field.nullable ? '' : 'not null', field.extension ?? '', field.unsupported ? `UNSUPPORTED: ${field.unsupported}` : ''].filter(Boolean);
  out.push(`${'  '.repeat(depth + 1)}${field.name}: ${field.type}${flags.length ? `  (${flags.join(', ')})` : ''}`);
  for (const child of field.children) fieldLines(child, depth + 1, out);
}

/** Human-readable schema and chunk summary. */
export function summaryText(dataset: Dataset, maxChunks = 20): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const out: string[] = [];
  out.push(`${dataset.source.name}: ${dataset.format}${dataset.version ? ` ${dataset.version}` : ''}, ${n(dataset.source.size)} bytes, ${n(dataset.rows)} rows in ${n(dataset.chunks.length)} ${dataset.format === 'parquet' ? 'row groups' : 'batches'}`);
  if (dataset.createdBy) out.push(`created by: ${dataset.createdBy}`);
  out.push('schema:');
  for (const f of dataset.fields) fieldLines(f, 0, out);
  const meta = Object.entries(dataset.metadata);
  if (meta.length) {
    out.push('metadata:');
    for (const [k, v] of meta) out.push(`  ${k}: ${v.length > 100 ? `${v.slice(0, 100)}… (${n(v.length)} chars)` : v}`);
  }
  out.push(`${dataset.format === 'parquet' ? 'row groups' : 'batches'}:`);
  out.push(`  ${'#'.padStart(6)} ${'rows'.padStart(12)} ${'first row'.padStart(14)} ${'offset'.padStart(16)} ${'bytes'.padStart(14)}`);
  for (const c of dataset.chunks.slice(0, maxChunks)) {
    out.push(`  ${String(c.index).padStart(6)} ${n(c.rows).padStart(12)} ${n(c.rowOffset).padStart(14)} ${n(c.offset).padStart(16)} ${n(c.bytes).padStart(14)}`);
  }
  if (dataset.chunks.length > maxChunks) out.push(`  … ${n(dataset.chunks.length - maxChunks)} more`);
  for (const p of dataset.problems) out.push(`problem: ${p.message}${p.stillWorks ? ` ${p.stillWorks}` : ''}`);
  return out.join('\n');
}
