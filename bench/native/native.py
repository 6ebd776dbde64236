"""The native limit beside Arrowscope's figures: pyarrow and DuckDB on the same files, same machine.

python3 bench/native/native.py [--w1 FILE] [--w2 FILE] [--w3 FILE] [--reps 3] [--quick] [--parts rows,unique,filter,http]
    [--http ORIGIN --delays 0,50,150] > out.json

Prints JSON: {"versions": {...}, "cells": [{"step", "contender", "samples": [ms, ...], "note"}]}.
Step names match bench/browserPlan.ts. Each step is timed from nothing open to the answer (as the
browser steps are from the file chosen), in this one process (the interpreter and imports are
already loaded: a native tool's start-up is not counted). DuckDB is skipped when it is not installed.
Parts: "rows" (schema, index, row look-ups, the 64-row step), "unique" (value counts), "filter" (the
filter count, its first 64 matches, the top-10 and the export to Parquet of bench/filterPlan.ts, with the
export's CPU time), "http" (W2 open and row 37,000,000, W1 open, through HTTP Range requests to the
bench's server at ORIGIN, /files/NAME?delay=MS, as the browser's HTTP steps: bench/browserServer.ts).
--quick: rows, and of "filter" the count and the first matches.
"""
import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import time
import urllib.error
import urllib.request

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
FIRST_STEP = f"{COUNT_WHERE}: first matches painted"
FIRST_ROWS = 64
TOP_STEP = "top-10 by contb_receipt_amt desc"
EXPORT_STEP = f"export {EXPORT_WHERE} to Parquet"
EXPORT_CPU_STEP = "export to Parquet: CPU time, every thread (ms)"

cells = []


def timed(f):
    t = time.perf_counter()
    r = f()
    return (time.perf_counter() - t) * 1000, r


def record(step, contender, reps, f, note=None, cpu_step=None):
    """`f`'s result, when a function of it is given as `note`, names what was found (rows, bytes).
    `cpu_step`: the process's CPU time during each run (every thread) recorded as a step of its own."""
    samples = []
    cpu = []
    for _ in range(reps):
        c = time.process_time()
        ms, r = timed(f)
        cpu.append((time.process_time() - c) * 1000)
        samples.append(ms)
    if callable(note):
        note = note(r)
    add(step, contender, samples, note)
    if cpu_step:
        add(cpu_step, contender, cpu, None)


def add(step, contender, samples, note):
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

    def first():
        # Batch by batch until 64 matches: equal on cand_nm, the first matches' positions, those rows to Python values.
        rows = []
        for b in ipc.open_stream(pa.memory_map(path, "r")):
            at = pc.indices_nonzero(pc.equal(b.column("cand_nm"), "Obama, Barack")).slice(0, FIRST_ROWS - len(rows))
            rows += b.take(at).to_pylist()
            if len(rows) == FIRST_ROWS:
                return rows
        return rows

    record(f"{w} {FIRST_STEP}", "pyarrow", reps, first, lambda r: f"{len(r)} rows: memory_map + open_stream, batches filtered (equal + indices_nonzero + take) until 64 matches, to Python values, one thread")
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

    record(f"{w} {EXPORT_STEP}", "pyarrow", reps, export, lambda r: f"{r[0]:,} rows, {r[1] / 2**20:.0f} MiB: filter + write_table (snappy), one thread", cpu_step=f"{w} {EXPORT_CPU_STEP}")


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
    record(f"{w} {FIRST_STEP}", who, reps, lambda: q(f"SELECT * FROM FILE WHERE {COUNT_WHERE} LIMIT {FIRST_ROWS}"), lambda r: f"{len(r)} rows: SELECT * … WHERE … LIMIT {FIRST_ROWS}, fetched to Python values")
    if quick:
        return
    record(f"{w} {TOP_STEP}", who, reps, lambda: q("SELECT * FROM FILE ORDER BY contb_receipt_amt DESC LIMIT 10"), "SELECT * … ORDER BY … LIMIT 10")
    out = os.path.join(tempfile.gettempdir(), f"arrowscope-native-export-{os.getpid()}.parquet")

    def export():
        n = q(f"COPY (SELECT * FROM FILE WHERE {EXPORT_WHERE}) TO '{out}' (FORMAT PARQUET, COMPRESSION SNAPPY)")[0][0]
        return n, written(out)

    record(f"{w} {EXPORT_STEP}", who, reps, export, lambda r: f"{r[0]:,} rows, {r[1] / 2**20:.0f} MiB: COPY (SELECT * … WHERE …) TO (snappy)", cpu_step=f"{w} {EXPORT_CPU_STEP}")


class HttpFile(io.RawIOBase):
    """A read-only file over HTTP: every read one Range request (urllib), counted; its size from a HEAD
    request, asked only when a reader needs it (a Parquet footer; not an IPC stream read from the start)."""

    def __init__(self, url):
        self.url = url
        self.pos = 0
        self.size = None
        self.requests = 0
        self.bytes = 0

    def readable(self):
        return True

    def seekable(self):
        return True

    def _size(self):
        if self.size is None:
            self.requests += 1
            with urllib.request.urlopen(urllib.request.Request(self.url, method="HEAD")) as r:
                self.size = int(r.headers["Content-Length"])
        return self.size

    def seek(self, offset, whence=io.SEEK_SET):
        self.pos = offset if whence == io.SEEK_SET else self.pos + offset if whence == io.SEEK_CUR else self._size() + offset
        return self.pos

    def tell(self):
        return self.pos

    def readinto(self, b):
        n = len(b)
        if n == 0 or (self.size is not None and self.pos >= self.size):
            return 0
        self.requests += 1
        req = urllib.request.Request(self.url, headers={"Range": f"bytes={self.pos}-{self.pos + n - 1}"})
        try:
            with urllib.request.urlopen(req) as r:
                got = r.readinto(memoryview(b))
        except urllib.error.HTTPError as e:
            if e.code == 416:  # past the end
                return 0
            raise
        self.pos += got
        self.bytes += got
        return got


def http_reader(url, buffered):
    """The HTTP file, behind a 64 KiB read buffer when `buffered` (for a stream read from its start: an
    IPC message's length, header and body share one request). Parquet without: pyarrow asks for the
    footer and the column chunks in reads of their own size, each one request."""
    raw = HttpFile(url)
    return raw, io.BufferedReader(raw, buffer_size=64 << 10) if buffered else raw


def http_note(how, reads):
    """How many requests and bytes a run took (the first run's: the same in every run)."""
    requests, size = reads
    return f"{how}: {requests} request{'s' if requests != 1 else ''}, {size / 2**20:.2f} MiB, one thread"


def http_steps(origin, w1, w2, delays, reps):
    """The browser's HTTP steps (bench/browserPlan.ts) with pyarrow over HTTP Range requests to the bench's server
    (W2 open, row 37,000,000 and unique cand_nm; W1 open).
    Not W1's index or row 37,000,000: a stream has no index, and pyarrow reaches a batch only by reading
    every message before it (about 6.7 GB before row 37,000,000 of W1): they are left out, not run."""
    for delay in delays:
        p = f"HTTP +{delay} ms"
        if w2:
            url = f"{origin}/files/{os.path.basename(w2)}?delay={delay}"
            raws = []

            def open_w2():
                raw, f = http_reader(url, False)
                raws.append(raw)
                pf = pq.ParquetFile(f, pre_buffer=True)
                return pf, pf.schema_arrow, pf.metadata.num_row_groups

            record(f"{p} W2 open", "pyarrow", reps, open_w2, lambda r: http_note("ParquetFile over HTTP (HEAD + footer)", (raws[0].requests, raws[0].bytes)))
            def with_file_open(step, how, work):
                """`work(pf)` timed with the file open (its footer read, not counted), as the browser's steps are timed."""
                samples, reads = [], []
                for _ in range(reps):
                    pf = open_w2()[0]
                    raw = raws[-1]
                    before = (raw.requests, raw.bytes)
                    ms, _ = timed(lambda: work(pf))
                    samples.append(ms)
                    reads.append((raw.requests - before[0], raw.bytes - before[1]))
                add(f"{p} W2 {step}", "pyarrow", samples, http_note(how, reads[0]))

            g = ROW // CHUNK_ROWS
            with_file_open("row 37,000,000", "read_row_group (its 16 column chunks, pre_buffer: ranges coalesced) + slice", lambda pf: pf.read_row_group(g, use_threads=False).slice(ROW - g * CHUNK_ROWS, 1).to_pylist())
            with_file_open("unique cand_nm", "read(columns=[cand_nm]) + value_counts", lambda pf: pc.value_counts(pf.read(columns=["cand_nm"], use_threads=False).column("cand_nm")))
        if w1:
            url = f"{origin}/files/{os.path.basename(w1)}?delay={delay}"
            raws = []

            def open_w1():
                raw, f = http_reader(url, True)
                raws.append(raw)
                return ipc.open_stream(f).schema

            record(f"{p} W1 open", "pyarrow", reps, open_w1, lambda r: http_note("open_stream over HTTP: the schema message", (raws[0].requests, raws[0].bytes)))


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--w1")
    a.add_argument("--w2")
    a.add_argument("--w3")
    a.add_argument("--reps", type=int, default=3)
    a.add_argument("--quick", action="store_true")
    a.add_argument("--parts", default="rows,unique,filter")
    a.add_argument("--http", help="the bench server's origin (part http)")
    a.add_argument("--delays", default="0,50,150")
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
    if "http" in parts and args.http:
        http_steps(args.http, args.w1, args.w2, [int(d) for d in args.delays.split(",")], args.reps)
    versions = {"python": sys.version.split()[0], "pyarrow": pa.__version__, "duckdb": duckdb.__version__ if duckdb else "not installed"}
    json.dump({"versions": versions, "cells": cells}, sys.stdout)


main()
