/** The filter language (README, "Filter"): parse and check an expression, then match it chunk by chunk. */
export { parseFilter } from './parseFilter';
export { bindFilter, compileFilter } from './bindFilter';
export { FilterSyntaxError, type TextPosition } from './filterError';
export type { BoundFilter } from './boundFilter';
export type { FilterExpr } from './ast';
export { matchChunk, type ChunkMatches, type MatchOptions } from './matchChunk';
export { countMatches, type FilterCount, type FilterProgress } from './countMatches';
export { matchingRows, type MatchRun } from './matchingRows';
