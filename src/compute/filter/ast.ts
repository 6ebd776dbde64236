/** The filter language's syntax tree, as parsed (columns by name, values as written). */

/** A stretch of the expression text: UTF-16 offset and length. */
export interface Span {
  offset: number;
  length: number;
}

export type Literal =
  | { kind: 'string'; value: string; span: Span }
  /** `X'ff00'`: bytes by their hex digits, for binary values that are not text. */
  | { kind: 'bytes'; value: Uint8Array; span: Span }
  /** Digits as written (`-12.5e3`): kept as text so int64 and decimal columns compare exactly. */
  | { kind: 'number'; text: string; span: Span }
  | { kind: 'bool'; value: boolean; span: Span }
  | { kind: 'null'; span: Span };

export interface ColumnName {
  name: string;
  /** Written `#3`: the column at that 0-based position, whatever its name. */
  position?: number;
  span: Span;
}

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type TextOp = 'contains' | 'startsWith' | 'endsWith' | 'matches';

export type FilterExpr =
  | { kind: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { kind: 'not'; operand: FilterExpr }
  | { kind: 'compare'; column: ColumnName; op: CompareOp; value: Literal; opSpan: Span }
  | { kind: 'between'; column: ColumnName; low: Literal; high: Literal }
  | { kind: 'in'; column: ColumnName; values: Literal[] }
  | { kind: 'isNull'; column: ColumnName; negated: boolean }
  | { kind: 'text'; column: ColumnName; op: TextOp; ignoreCase: boolean; pattern: Literal & { kind: 'string' | 'bytes' }; opSpan: Span }
  /** A boolean column on its own: `flag`, `NOT flag`. */
  | { kind: 'isTrue'; column: ColumnName };
