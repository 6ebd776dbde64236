/** Export (issue 15, item 5): rows of a filter and/or sort, chosen columns, a range, as CSV, Arrow IPC stream/file or Parquet, streamed to a sink. */
export { exportRows } from './exportRows';
export { ExportError, type ExportFormat, type ExportProgress, type ExportRequest, type ExportResult, type ExportSink, type RowSequence } from './exportTypes';
export { GROUP_ROWS } from './rowGroups';
export { writtenTypeChanges } from './typeChanges';
