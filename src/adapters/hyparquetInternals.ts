/**
 * The one door to hyparquet's internal modules (its page-header reader). hyparquet's version is
 * pinned exactly; tests/adapters/hyparquetInternals.test.ts round-trips what is used here.
 */
export { parquetHeader } from 'hyparquet/src/column.js';
export type { PageHeader } from 'hyparquet/src/types.js';
/** hyparquet's Thrift compact-protocol reader: the footer as raw numbered fields (statistics bytes unconverted). */
export { deserializeTCompactProtocol } from 'hyparquet/src/thrift.js';
