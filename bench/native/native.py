"""The native limit beside Arrowscope's figures: pyarrow and DuckDB on the same files, same machine.

python3 bench/native/native.py [--w1 FILE] [--w2 FILE] [--w3 FILE] [--reps 3] [--quick] > out.json

Prints JSON: {"versions": {...}, "cells": [{"step", "contender", "samples": [ms, ...], "note"}]}.
Step names match bench/browserPlan.ts. Each step is timed from nothing open to the answer (as the
browser steps are from the file chosen), in this one process (the interpreter and imports are
already loaded: a native tool's start-up is not counted). DuckDB is skipped when it is not installed.
"""
import argparse
import json
import statistics
import sys
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

cells = []


def timed(f):
    t = time.perf_counter()
    r = f()
    return (time.perf_counter() - t) * 1000, r


def record(step, contender, reps, f, note=None):
    samples = []
    for _ in range(reps):
        ms, _r = timed(f)
        samples.append(ms)
    cells.append({"step": step, "contender": contender, "samples": samples, "note": note})
    print(f"  {step} · {contender}: median {statistics.median(samples):.3f} ms", file=sys.stderr)


def stream_table(path):
    return ipc.open_stream(pa.memory_map(path, "r")).read_all()


def ipc_steps(w, path, reps, quick):
    record(f"{w} schema", "pyarrow", reps, lambda: ipc.open_stream(pa.memory_map(path, "r")).schema, "memory_map + open_stream")
    record(f"{w} index", "pyarrow", reps, lambda: stream_table(path), "memory_map + read_all (no copy)")
    if w != "W1":
        return
    t = stream_table(path)
    record(f"{w} chunk 5 row 1000", "pyarrow", reps, lambda: [c.chunk(5)[1000].as_py() for c in t.columns])
    record(f"{w} row 37,000,000", "pyarrow", reps, lambda: t.slice(ROW, 1).to_pylist())
    record(f"{w} 64-row step, 16 columns", "pyarrow", reps, lambda: t.slice(ROW + 64, 64).to_pylist())
    if not quick:
        for c in UNIQUE:
            record(f"{w} unique {c}", "pyarrow", reps, lambda c=c: pc.value_counts(t.column(c)), "value_counts, one thread")


def parquet_steps(path, reps, quick):
    w = "W2"

    def open_meta():
        f = pq.ParquetFile(path)
        return f.schema_arrow, f.metadata.num_row_groups

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
    if not quick:
        for c in UNIQUE:
            record(f"{w} unique {c}", "pyarrow", reps, lambda c=c: pc.value_counts(pq.read_table(path, columns=[c], use_threads=False).column(c)), "read_table(one column) + value_counts, one thread")
    if duckdb is None:
        return
    for threads in (1, 2):
        who = f"DuckDB native, {threads} thread{'s' if threads > 1 else ''}"

        def q(sql, threads=threads):
            con = duckdb.connect()
            con.execute(f"SET threads = {threads}")
            r = con.execute(sql.replace("FILE", f"'{path}'")).fetchall()
            con.close()
            return r

        record(f"{w} schema", who, reps, lambda: q("DESCRIBE SELECT * FROM FILE"))
        record(f"{w} index", who, reps, lambda: q("SELECT row_group_id, any_value(row_group_num_rows) FROM parquet_metadata(FILE) GROUP BY ALL"))
        by_row = "SELECT * FROM read_parquet(FILE, file_row_number=true) WHERE file_row_number BETWEEN {} AND {}"
        record(f"{w} chunk 5 row 1000", who, reps, lambda: q(by_row.format(C5, C5)), "WHERE file_row_number")
        record(f"{w} row 37,000,000", who, reps, lambda: q(by_row.format(ROW, ROW)), "WHERE file_row_number")
        record(f"{w} 64-row step, 16 columns", who, reps, lambda: q(by_row.format(ROW + 64, ROW + 127)), "WHERE file_row_number")
        if not quick:
            for c in UNIQUE:
                record(f"{w} unique {c}", who, reps, lambda c=c: q(f"SELECT {c}, count(*) FROM FILE GROUP BY ALL"))


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--w1")
    a.add_argument("--w2")
    a.add_argument("--w3")
    a.add_argument("--reps", type=int, default=3)
    a.add_argument("--quick", action="store_true")
    args = a.parse_args()
    pa.set_cpu_count(1)
    pa.set_io_thread_count(1)
    if args.w1:
        ipc_steps("W1", args.w1, args.reps, args.quick)
    if args.w2:
        parquet_steps(args.w2, args.reps, args.quick)
    if args.w3 and not args.quick:
        ipc_steps("W3", args.w3, args.reps, args.quick)
    versions = {"python": sys.version.split()[0], "pyarrow": pa.__version__, "duckdb": duckdb.__version__ if duckdb else "not installed"}
    json.dump({"versions": versions, "cells": cells}, sys.stdout)


main()
