"""The native limit beside Arrowscope's figures: pyarrow and DuckDB on the same files, same machine.

python3 bench/native/native.py [--w1 FILE] [--w2 FILE] [--w3 FILE] [--reps 3] [--quick] [--parts rows,unique,filter] > out.json

Prints JSON: {"versions": {...}, "cells": [{"step", "contender", "samples": [ms, ...], "note"}]}.
Step names match bench/browserPlan.ts. Each step is timed from nothing open to the answer (as the
browser steps are from the file chosen), in this one process (the interpreter and imports are
already loaded: a native tool's start-up is not counted). DuckDB is skipped when it is not installed.
Parts: "rows" (schema, index, row look-ups, the 64-row step), "unique" (value counts), "filter" (the
filter count, the top-10 and the export to Parquet of bench/filterPlan.ts). --quick: rows, and of
"filter" the count only.
"""
import argparse
import json
import os
import statistics
import sys
import tempfile
import time

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.ipc as ipc
import pyarrow.parquet as pq

try:
    import duckdb
except ImportError:  # reported in the output's versions
    duckdb = None

CHUNK_ROWS = 1_001_731
ROW = 37_000_000
C5 = 5 * CHUNK_ROWS + 1000
UNIQUE = ["cand_nm", "contbr_nm"]

# The filter part's steps: the same names, expressions and values as FILTER_STEPS in bench/filterPlan.ts.
COUNT_WHERE = "cand_nm = 'Obama, Barack'"
EXPORT_WHERE = "contb_receipt_amt >= 500 AND cand_nm = 'Romney, Mitt'"
COUNT_STEP = f"count {COUNT_WHERE}"
TOP_STEP = "top-10 by contb_receipt_amt desc"
EXPORT_STEP = f"export {EXPORT_WHERE} to Parquet"

cells = []


def timed(f):
    t = time.perf_counter()
    r = f()
    return (time.perf_counter() - t) * 1000, r


def record(step, contender, reps, f, note=None):
    """`f`'s result, when a function of it is given as `note`, names what was found (rows, bytes)."""
    samples = []
    for _ in range(reps):
        ms, r = timed(f)
        samples.append(ms)
    if callable(note):
        note = note(r)
    cells.append({"step": step, "contender": contender, "samples": samples, "note": note})
    print(f"  {step} · {contender}: median {statistics.median(samples):.3f} ms", file=sys.stderr)


def stream_table(path):
    return ipc.open_stream(pa.memory_map(path, "r")).read_all()


def rows_note(r):
    return f"{r:,} rows"


def written(path):
    """The size of a file just written, which is then removed (the next run writes it again)."""
    size = os.path.getsize(path)
    os.remove(path)
    return size


def ipc_steps(w, path, reps, quick, parts):
    if "rows" in parts:
        record(f"{w} schema", "pyarrow", reps, lambda: ipc.open_stream(pa.memory_map(path, "r")).schema, "memory_map + open_stream")
        record(f"{w} index", "pyarrow", reps, lambda: stream_table(path), "memory_map + read_all (no copy)")
    if w != "W1":
        return
    t = stream_table(path)
    if "rows" in parts:
        record(f"{w} chunk 5 row 1000", "pyarrow", reps, lambda: [c.chunk(5)[1000].as_py() for c in t.columns])
        record(f"{w} row 37,000,000", "pyarrow", reps, lambda: t.slice(ROW, 1).to_pylist())
        record(f"{w} 64-row step, 16 columns", "pyarrow", reps, lambda: t.slice(ROW + 64, 64).to_pylist())
    if "unique" in parts and not quick:
        for c in UNIQUE:
            record(f"{w} unique {c}", "pyarrow", reps, lambda c=c: pc.value_counts(t.column(c)), "value_counts, one thread")
    if "filter" in parts:
        ipc_filter_steps(w, path, reps, quick)


def ipc_filter_steps(w, path, reps, quick):
    """The filter part on the memory-mapped stream, each from nothing open (the map and read_all: ~10 ms)."""

    def count():
        t = stream_table(path)
        return pc.sum(pc.equal(t.column("cand_nm"), "Obama, Barack")).as_py()

    record(f"{w} {COUNT_STEP}", "pyarrow", reps, count, lambda r: f"{r:,} rows: equal + sum, one thread")
    if quick:
        return

    def top10():
        # Table.take would gather from one concatenated copy of the whole table (16 s here): a zero-copy slice per row instead.
        t = stream_table(path)
        i = pc.select_k_unstable(t.column("contb_receipt_amt"), k=10, sort_keys=[("contb_receipt_amt", "descending")])
        return [t.slice(k, 1).to_pylist()[0] for k in i.to_pylist()]

    record(f"{w} {TOP_STEP}", "pyarrow", reps, top10, "select_k_unstable + a slice per row (all 16 columns), one thread")
    out = os.path.join(tempfile.gettempdir(), f"arrowscope-native-export-{os.getpid()}.parquet")

    def export():
        t = stream_table(path)
        amt, cand = t.column("contb_receipt_amt"), t.column("cand_nm")
        kept = t.filter(pc.and_(pc.greater_equal(amt, 500), pc.equal(cand, "Romney, Mitt")))
        pq.write_table(kept, out, compression="snappy")
        return kept.num_rows, written(out)

    record(f"{w} {EXPORT_STEP}", "pyarrow", reps, export, lambda r: f"{r[0]:,} rows, {r[1] / 2**20:.0f} MiB: filter + write_table (snappy), one thread")


def parquet_steps(path, reps, quick, parts):
    w = "W2"

    def open_meta():
        f = pq.ParquetFile(path)
        return f.schema_arrow, f.metadata.num_row_groups

    if "rows" in parts:
        parquet_row_steps(w, path, reps, open_meta)
    if "unique" in parts and not quick:
        for c in UNIQUE:
            record(f"{w} unique {c}", "pyarrow", reps, lambda c=c: pc.value_counts(pq.read_table(path, columns=[c], use_threads=False).column(c)), "read_table(one column) + value_counts, one thread")
    if "filter" in parts:
        # The column read as its dictionary (as stored), not decoded to 50 M strings first.
        column = lambda: pq.read_table(path, columns=["cand_nm"], use_threads=False, read_dictionary=["cand_nm"]).column("cand_nm")
        count = lambda: pc.sum(pc.equal(column(), "Obama, Barack")).as_py()
        record(f"{w} {COUNT_STEP}", "pyarrow", reps, count, lambda r: f"{r:,} rows: read_table(one column, as a dictionary) + equal + sum, one thread")
    if duckdb is None:
        return
    for threads in (1, 2):
        duckdb_steps(w, path, reps, quick, parts, threads)


def parquet_row_steps(w, path, reps, open_meta):
    record(f"{w} schema", "pyarrow", reps, open_meta, "ParquetFile: footer")
    record(f"{w} index", "pyarrow", reps, open_meta, "ParquetFile: footer")

    def rows(start, n):
        # pyarrow's fastest row look-up: the row group that holds the rows, all columns, then a slice.
        f = pq.ParquetFile(path)
        g = start // CHUNK_ROWS
        return f.read_row_group(g).slice(start - g * CHUNK_ROWS, n).to_pylist()

    record(f"{w} chunk 5 row 1000", "pyarrow", reps, lambda: rows(C5, 1), "read_row_group + slice")
    record(f"{w} row 37,000,000", "pyarrow", reps, lambda: rows(ROW, 1), "read_row_group + slice")
    record(f"{w} 64-row step, 16 columns", "pyarrow", reps, lambda: rows(ROW + 64, 64), "read_row_group + slice")


def duckdb_steps(w, path, reps, quick, parts, threads):
    who = f"DuckDB native, {threads} thread{'s' if threads > 1 else ''}"

    def q(sql):
        con = duckdb.connect()
        con.execute(f"SET threads = {threads}")
        r = con.execute(sql.replace("FILE", f"'{path}'")).fetchall()
        con.close()
        return r

    if "rows" in parts:
        record(f"{w} schema", who, reps, lambda: q("DESCRIBE SELECT * FROM FILE"))
        record(f"{w} index", who, reps, lambda: q("SELECT row_group_id, any_value(row_group_num_rows) FROM parquet_metadata(FILE) GROUP BY ALL"))
        by_row = "SELECT * FROM read_parquet(FILE, file_row_number=true) WHERE file_row_number BETWEEN {} AND {}"
        record(f"{w} chunk 5 row 1000", who, reps, lambda: q(by_row.format(C5, C5)), "WHERE file_row_number")
        record(f"{w} row 37,000,000", who, reps, lambda: q(by_row.format(ROW, ROW)), "WHERE file_row_number")
        record(f"{w} 64-row step, 16 columns", who, reps, lambda: q(by_row.format(ROW + 64, ROW + 127)), "WHERE file_row_number")
    if "unique" in parts and not quick:
        for c in UNIQUE:
            record(f"{w} unique {c}", who, reps, lambda c=c: q(f"SELECT {c}, count(*) FROM FILE GROUP BY ALL"))
    if "filter" not in parts:
        return
    record(f"{w} {COUNT_STEP}", who, reps, lambda: q(f"SELECT count(*) FROM FILE WHERE {COUNT_WHERE}")[0][0], rows_note)
    if quick:
        return
    record(f"{w} {TOP_STEP}", who, reps, lambda: q("SELECT * FROM FILE ORDER BY contb_receipt_amt DESC LIMIT 10"), "SELECT * … ORDER BY … LIMIT 10")
    out = os.path.join(tempfile.gettempdir(), f"arrowscope-native-export-{os.getpid()}.parquet")

    def export():
        n = q(f"COPY (SELECT * FROM FILE WHERE {EXPORT_WHERE}) TO '{out}' (FORMAT PARQUET, COMPRESSION SNAPPY)")[0][0]
        return n, written(out)

    record(f"{w} {EXPORT_STEP}", who, reps, export, lambda r: f"{r[0]:,} rows, {r[1] / 2**20:.0f} MiB: COPY (SELECT * … WHERE …) TO (snappy)")


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--w1")
    a.add_argument("--w2")
    a.add_argument("--w3")
    a.add_argument("--reps", type=int, default=3)
    a.add_argument("--quick", action="store_true")
    a.add_argument("--parts", default="rows,unique,filter")
    args = a.parse_args()
    parts = set(args.parts.split(","))
    pa.set_cpu_count(1)
    pa.set_io_thread_count(1)
    if args.w1:
        ipc_steps("W1", args.w1, args.reps, args.quick, parts)
    if args.w2:
        parquet_steps(args.w2, args.reps, args.quick, parts)
    if args.w3 and not args.quick:
        ipc_steps("W3", args.w3, args.reps, args.quick, parts)
    versions = {"python": sys.version.split()[0], "pyarrow": pa.__version__, "duckdb": duckdb.__version__ if duckdb else "not installed"}
    json.dump({"versions": versions, "cells": cells}, sys.stdout)


main()
