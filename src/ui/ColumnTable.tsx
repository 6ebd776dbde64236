import { memo, useEffect, useState } from 'react';
import type { ColumnTotals, DatasetSummary } from '../worker/protocol';
import { ErrorBox } from './ErrorBox';
import { bytes, count, percent } from './format';
import { ShareBar } from './ShareBar';
import { TypeIcon } from './TypeIcon';
import { useColumnSummary } from './useColumnSummary';
import { VisibleText } from './VisibleText';

const ROWS_SHOWN = 500;

/**
 * Rows drawn in the frame where the table first appears; the others a frame later. A 20-column table
 * at once was a 10–14 ms main-thread task (style, layout and paint of ~470 boxes at 2400×1300) while a
 * stream is indexed on both cores; 12 rows first were still 9–12 ms, 4 rows 7–10 ms (the rest 8 ms).
 */
const FIRST_FRAME_ROWS = 4;

/**
 * Past this many columns the whole-file summary waits for a click: describing every column chunk of
 * 100,000 columns holds about 140 MB more in the engine at once, and opening should not cost that.
 */
export const SUMMARY_ON_OPEN_MAX_COLUMNS = 10_000;

/** Datasets whose summary was asked for by a click: it goes on (the engine keeps it) when the Overview is back. */
const summaryAskedFor = new Set<number>();

/** A byte count with its exact number on hover. */
function Bytes({ n }: { n: number | undefined }) {
  return n === undefined ? <span className="muted" title="Not stored in the file's metadata (compressed Arrow buffers keep it in the body)">—</span> : <span title={`${count(n)} bytes`}>{bytes(n)}</span>;
}

/** Nulls, with their share of the rows once every chunk is counted. */
function Nulls({ totals, rows }: { totals: ColumnTotals; rows?: number }) {
  if (totals.nulls === undefined) return <span className="muted" title="No null count in the metadata of every chunk (statistics absent, or a nested column)">—</span>;
  return (
    <>
      {count(totals.nulls)}
      {rows !== undefined && <span className="muted"> ({percent(totals.nulls, rows)})</span>}
    </>
  );
}

/** Whether the table would show the same for both summaries: a stream's index polls change its rows and chunk count, which the table shows only once indexed. */
const sameTable = (a: DatasetSummary, b: DatasetSummary): boolean =>
  a.id === b.id && a.fields === b.fields && a.format === b.format && a.size === b.size && a.indexComplete === b.indexComplete && (!a.indexComplete || a.rows === b.rows);

/**
 * Every column over the whole file, from metadata only (the Parquet footer, the Arrow message
 * headers): type, nulls, bytes on disk and uncompressed, codecs, encodings and share of the file.
 * Rendered again only when what it shows changes (not at each index poll of a stream).
 */
export const ColumnTable = memo(function ColumnTable({ summary }: { summary: DatasetSummary }) {
  // A file may have 100,000 columns: rows are added a page at a time, and only those cross from the engine.
  const [shown, setShown] = useState(ROWS_SHOWN);
  const wide = summary.fields.length > SUMMARY_ON_OPEN_MAX_COLUMNS;
  const [asked, setAsked] = useState(() => !wide || summaryAskedFor.has(summary.id));
  const { summary: totals, error, countAll } = useColumnSummary(summary.id, 0, shown, asked);
  const [whole, setWhole] = useState(false);
  const appeared = totals !== null;
  useEffect(() => {
    if (!appeared || whole) return;
    const frame = requestAnimationFrame(() => setWhole(true));
    return () => cancelAnimationFrame(frame);
  }, [appeared, whole]);
  const rows = !totals ? [] : whole ? totals.columns : totals.columns.slice(0, FIRST_FRAME_ROWS);
  const parquet = summary.format === 'parquet';
  const noun = parquet ? 'row group' : 'batch';
  const nouns = parquet ? 'row groups' : 'batches';
  const columnBytes = totals ? totals.all.bytes + totals.otherDictionaryBytes : 0;
  const showEncodings = !!totals?.all.anyEncodings;
  const showStats = parquet && !!(totals?.all.anyMinMax || totals?.all.anyMinMaxNote);
  // Complete once the page's own figures (rows, polled while a stream is indexed) have caught up too.
  const complete = !!totals?.complete && summary.indexComplete;
  return (
    <section className="column-summary" aria-labelledby="column-summary-title">
      <h2 id="column-summary-title">Columns in the whole file</h2>
      <p className="muted" data-testid="column-summary-status">
        {!asked ? (
          <>
            {count(summary.fields.length)} columns: not summarized on open.{' '}
            <button
              className="link"
              onClick={() => {
                summaryAskedFor.add(summary.id);
                setAsked(true);
              }}
            >
              Summarize all {count(summary.fields.length)} columns (reads the metadata of every column chunk)
            </button>
          </>
        ) : totals === null
          ? 'Reading metadata…'
          : complete
            ? `From ${parquet ? 'the footer' : 'the message headers'} of all ${count(totals.chunksCounted)} ${totals.chunksCounted === 1 ? noun : nouns}; no value was read.`
            : totals.chunksCounted >= totals.limit
              ? `From the first ${count(totals.chunksCounted)} of ${count(totals.chunkCount)}${summary.indexComplete ? '' : '+'} ${nouns} only (each ${noun} is one more header read).`
              : `Counting ${nouns}: ${count(totals.chunksCounted)} of ${count(totals.chunkCount)}${summary.indexComplete ? '' : ' found so far'}${totals.columnsOfChunk ? ` (${noun} ${count(totals.chunksCounted + 1)}: ${count(totals.columnsOfChunk.counted)} of ${count(totals.columnsOfChunk.of)} columns)` : ''}…`}{' '}
        {totals && !totals.complete && totals.chunksCounted >= totals.limit && (
          <button className="link" onClick={countAll}>
            Count all {nouns}
          </button>
        )}
      </p>
      {totals && totals.skipped > 0 && (
        <p className="muted">
          Left out: {count(totals.skipped)} {totals.skipped === 1 ? noun : nouns} whose metadata could not be read ({totals.skipReason}).
        </p>
      )}
      {error && <ErrorBox info={error} />}
      {totals && (
        <div className="column-table-wrap" role="region" aria-label="Column table (scrolls sideways on a narrow page)" tabIndex={0}>
          <table className="column-table" data-testid="column-summary">
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Type</th>
                <th scope="col" className="num">
                  Nulls
                </th>
                <th scope="col" className="num">
                  On disk
                </th>
                <th scope="col" className="num">
                  Uncompressed
                </th>
                <th scope="col">Codec</th>
                {showEncodings && <th scope="col">Encodings</th>}
                <th scope="col">Share of file</th>
                {showStats && <th scope="col">Min … max (statistics)</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => {
                const field = summary.fields[c.column];
                return (
                  <tr key={c.column}>
                    <th scope="row">
                      <TypeIcon typeId={field?.typeId ?? 'other'} /> <VisibleText text={field?.name ?? ''} />
                    </th>
                    <td className="type">{field?.type}</td>
                    <td className="num">
                      <Nulls totals={c} rows={complete ? summary.rows : undefined} />
                    </td>
                    <td className="num">
                      <Bytes n={c.bytes} />
                      {c.dictionaryBytes ? <div className="muted">dictionaries {bytes(c.dictionaryBytes)}</div> : null}
                    </td>
                    <td className="num">
                      <Bytes n={c.uncompressedBytes} />
                    </td>
                    <td>{c.codecs.join(', ')}</td>
                    {showEncodings && <td>{c.encodings.join(', ')}</td>}
                    <td>
                      <ShareBar part={c.bytes} whole={summary.size} />
                    </td>
                    {showStats && (
                      <td className="stats">{c.min === undefined ? (c.minMaxNote ?? '') : `${c.min} … ${c.max}${c.minMaxExact ? '' : ' (bounds)'}`}</td>
                    )}
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              {totals.columnCount > shown && (
                <tr>
                  <td colSpan={8}>
                    <button className="link" onClick={() => setShown((n) => n + ROWS_SHOWN)}>
                      Show {count(Math.min(ROWS_SHOWN, totals.columnCount - shown))} more of {count(totals.columnCount - shown)} columns not shown
                    </button>
                  </td>
                </tr>
              )}
              <tr>
                <th scope="row">All columns</th>
                <td />
                <td />
                <td className="num">
                  <Bytes n={columnBytes} />
                </td>
                <td className="num">
                  <Bytes n={totals.all.uncompressedBytes} />
                </td>
                <td />
                {showEncodings && <td />}
                <td>
                  <ShareBar part={columnBytes} whole={summary.size} />
                </td>
                {showStats && <td />}
              </tr>
              {complete && (
                <tr>
                  <th scope="row">{parquet ? 'Footer, headers, padding' : 'Schema, headers, padding'}</th>
                  <td colSpan={2} />
                  <td className="num">
                    <Bytes n={Math.max(0, summary.size - columnBytes)} />
                  </td>
                  <td colSpan={showEncodings ? 3 : 2} />
                  <td>
                    <ShareBar part={Math.max(0, summary.size - columnBytes)} whole={summary.size} />
                  </td>
                  {showStats && <td />}
                </tr>
              )}
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}, (a, b) => sameTable(a.summary, b.summary));
