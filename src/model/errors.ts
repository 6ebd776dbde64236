/** Where in a file something happened; every field optional, filled in as far as known. */
export interface FileLocation {
  offset?: number;
  chunk?: number;
  column?: number | string;
}

/** An error the UI can show as it is: what failed, where in the file, and what still works. */
export class LocatedError extends Error {
  readonly where: FileLocation;
  readonly stillWorks?: string;
  constructor(message: string, where: FileLocation = {}, stillWorks?: string) {
    super(message);
    this.name = new.target.name;
    this.where = where;
    this.stillWorks = stillWorks;
  }
}

/** Engines throw these (never bare Errors) for anything caused by the file's contents. */
export class DatasetError extends LocatedError {}

/** A problem found while opening or indexing that did not stop the file from opening. */
export interface DatasetProblem {
  message: string;
  where: FileLocation;
  stillWorks?: string;
}

export function describeLocation(where: FileLocation): string {
  const parts: string[] = [];
  if (where.chunk !== undefined) parts.push(`chunk ${where.chunk}`);
  if (where.column !== undefined) parts.push(`column ${where.column}`);
  if (where.offset !== undefined) parts.push(`byte ${where.offset.toLocaleString('en-US')}`);
  return parts.join(', ');
}

/** The sentence to show for any thrown value: located errors as they are, anything else named as unexpected. */
export function errorMessage(e: unknown): string {
  if (e instanceof LocatedError) return e.message;
  if (e instanceof DOMException && e.name === 'AbortError') return 'Cancelled.';
  return `Unexpected error (${errorDetail(e)}).`;
}

/** A thrown value's own words, for a sentence that says what was being read when it happened. */
export const errorDetail = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));
