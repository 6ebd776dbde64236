import { LocatedError } from '../../model/errors';

/** Where in the expression text: 1-based line and column (in code points), and the UTF-16 offset. */
export interface TextPosition {
  offset: number;
  line: number;
  column: number;
}

/** Line and column of a UTF-16 offset in `text`. */
export function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      column = 1;
    } else if (c < 0xdc00 || c > 0xdfff) {
      column++; // a low surrogate belongs to the code point before it
    }
  }
  return { offset, line, column };
}

/**
 * A filter expression that cannot be run: malformed text, a column the file does not have, or a value
 * that does not fit its column's type. The message is a sentence that says where (`at 1:22`); `at`
 * and `length` mark the offending token so a text box can underline it.
 */
export class FilterSyntaxError extends LocatedError {
  readonly at: TextPosition;
  readonly length: number;
  constructor(message: string, at: TextPosition, length = 1) {
    super(message);
    this.at = at;
    this.length = length;
  }
}

/** "1:22" */
export const whereText = (at: TextPosition): string => `${at.line}:${at.column}`;
