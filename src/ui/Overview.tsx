import type { DatasetSummary } from '../worker/protocol';
import { ColumnTable } from './ColumnTable';
import { Facts } from './Facts';
import { IoMeter } from './IoMeter';
import { bytes, count } from './format';
import { useEngine } from './useEngine';

const FORMAT_NAMES = { 'arrow-stream': 'Arrow IPC stream', 'arrow-file': 'Arrow IPC file (Feather V2)', parquet: 'Parquet' };

/** Format, size, rows, chunks, columns, created-by, open time, the reads meter, and every column over the whole file. */
export function Overview({ summary }: { summary: DatasetSummary }) {
  const engine = useEngine();
  const facts: [string, string][] = [
    ['Format', `${FORMAT_NAMES[summary.format]}${summary.version ? ` (${summary.version})` : ''}`],
    ['File size', `${bytes(summary.size)} (${count(summary.size)} bytes)`],
    ['Rows', `${count(summary.rows)}${summary.indexComplete ? '' : ' so far…'}`],
    [summary.format === 'parquet' ? 'Row groups' : 'Record batches', `${count(summary.chunkCount)}${summary.indexComplete ? '' : ' so far…'}`],
    ['Columns', count(summary.fields.length)],
    ['Opened in', `${summary.openMs.toFixed(1)} ms`],
    ['Indexed in', summary.indexMs === undefined ? 'indexing…' : `${summary.indexMs.toFixed(1)} ms${summary.indexKept ? ' (index kept from an earlier open)' : ''}`],
  ];
  if (summary.createdBy) facts.push(['Created by', summary.createdBy]);
  return (
    <div className="overview" role="region" aria-label="Overview" tabIndex={0}>
      <Facts facts={facts} testId="overview" />
      {!summary.indexComplete && (
        <button onClick={() => void engine.stopIndexing(summary.id)} title="The batches found so far stay explorable">
          Stop indexing
        </button>
      )}
      <IoMeter summary={summary} />
      <ColumnTable summary={summary} />
    </div>
  );
}
