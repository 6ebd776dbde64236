/** `arrowscope --help`. Keep in step with the README's command table. */
export const HELP = `arrowscope FILE [options]        inspect an Arrow IPC stream/file or a Parquet file lazily
arrowscope view FILE [--port N]  open FILE in the Arrowscope app in your browser (served from this machine)
arrowscope serve DIR [--port N]  the same for a folder: a page listing its files, each opening in the app

Inspect:
  (no options)                   schema and chunk summary (batches or row groups)
  --rows A:B                     rows A..B-1 of the whole file, row numbers across all chunks
                                 (A: to the last row, :B from the first)
  --column NAME                  only this column; repeat it for more, or --columns a,b
                                 NAME is a column's name, #N its 0-based index ('#3'), or a path
                                 into struct fields ('a.b'); names with control characters can
                                 also be given as the text output shows them escaped ('a\\x00b')
  --chunk I                      rows within chunk I (batch or row group): --rows counts from
                                 its first row; without --rows, the first 20 rows
  --unique NAME                  value counts of one column over every row
  --all-chunks                   list every chunk in the table summary (else the first 20)
  --where EXPR --count           count the rows matching a filter: "N matching rows of M", or
                                 {rows, matched, chunksSkipped} with --json. EXPR is a WHERE
                                 expression: cand_nm = 'Obama, Barack' AND contb_receipt_amt >= 1000
                                 (=, !=, <, <=, >, >=, BETWEEN a AND b, IN (a, b), IS [NOT] NULL,
                                 CONTAINS, STARTS WITH, ENDS WITH, MATCHES or ~ 'regex'; ICONTAINS,
                                 ISTARTS WITH, IENDS WITH, IMATCHES or ~* ignore case; AND, OR, NOT,
                                 parentheses; "odd name" in double quotes or #N by position,
                                 'text' in single quotes, bytes as X'00ff').
                                 Chunks whose statistics decide the answer are not read.
  --where EXPR                   without --count: the matching rows (the first 20), with their row
                                 numbers in the file; --rows A:B counts matches (the Ath to the
                                 B-1th); --column/--columns as for --rows. json:
                                 {where, start, end, rows, columns} (at most 100,000 rows; ndjson
                                 and csv stream any number)
  --sort COL[:desc][,COL2…]      the rows in that order (nulls last, NaN just before them, ties in
                                 file order; strings by code point), of every row or of --where's
                                 matches: the first 20 with their row numbers, --rows A:B or
                                 --limit N by position in that order; formats as for --where.
                                 Up to 10,000 rows an exact top-K; beyond, a full order (up to
                                 10,000,000 rows to sort); a name holding , or : is given
                                 whole (with or without :desc) or as #N
  --limit N                      at most N rows (with --sort or --out)

Export:
  --out PATH                     write the rows (all, --where's matches, in --sort's order;
                                 --rows A:B and --limit N by position; --columns) to PATH as CSV
                                 (.csv: the text shown), Arrow IPC file (.arrow), Arrow IPC stream
                                 (.arrows) or Parquet (.parquet), types and metadata kept, in
                                 bounded memory; --format csv|arrow|arrows|parquet for another
                                 name. Written to PATH.partial, renamed when complete. Prints
                                 "N rows written to PATH" (--json: {out, format, rows, bytes})

Output:
  --format table|json|ndjson|csv table (the default) is for people: control characters in names
                                 and values are escaped (\\t, \\x1b, \\u202e); json, ndjson and csv
                                 are exact. ndjson and csv stream row by row in bounded memory.
                                 Summary: ndjson/csv list the chunks. Rows: json is
                                 {start, end, columns: [{name, type, values}]}, ndjson one object
                                 per row, csv a header then one record per row (null: empty).
                                 Unique: {column, rows, distinct, values: [{value, count}]}.
                                 JSON schemas: docs/cli/*.schema.json
  --json                         the same as --format json
  --no-formula-guard             csv: write cells starting with = + - @ tab CR as they are
                                 (by default they get a leading ' so spreadsheets do not run them)
  -q, --quiet                    no progress line (shown on stderr only when it is a terminal
                                 and the work takes more than a second)
  --threads N                    threads for --unique, --where --count and --sort --limit
                                 (up to 10,000 rows); default: one per core on files of 128 MB
                                 or more; 1: this thread only

View and serve:
  --port N                       port on 127.0.0.1 (default: any free port)
  --no-open                      do not open the default browser (the URL is always printed)

Exit codes:
  0  success (also when the reader of the output closes it early, as head does)
  1  the file or a column could not be read, or names a column or rows the file does not have,
     or the output could not be written (a full disk); the reason on stderr
  2  usage error: unknown option, malformed value, missing FILE, a --where expression that does
     not parse or does not fit the file's columns (the message points at the token: at 1:22)

  -h, --help                     this text`;
