import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import coiWasm from '@duckdb/duckdb-wasm/dist/duckdb-coi.wasm?url';
import coiWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.worker.js?url';
import coiPthread from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.pthread.worker.js?url';
import { plainJson } from './plainJson';

const NAME = 'peer.parquet';
let db: duckdb.AsyncDuckDB | undefined;
let conn: duckdb.AsyncDuckDBConnection | undefined;
let worker: Worker | undefined;

/**
 * Starts DuckDB-Wasm from the bundles served with the page (no CDN) and registers the File (read on
 * demand) or the URL (HTTP Range). 1.28 is the last release with Parquet built in (later ones fetch it
 * from extensions.duckdb.org). `threads`: the cross-origin-isolated build with a pthread pool (the page
 * is served with COOP/COEP for it); otherwise the single-threaded build. directIO off: DuckDB buffers
 * its reads, 8x faster here than with it on.
 */
export async function duckdbOpen(source: File | string, threads = false): Promise<{ bundle: string; threads: number }> {
  const bundles: duckdb.DuckDBBundles = {
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
    ...(threads ? { coi: { mainModule: coiWasm, mainWorker: coiWorker, pthreadWorker: coiPthread } } : {}),
  };
  const bundle = await duckdb.selectBundle(bundles);
  if (threads && bundle.mainModule !== coiWasm) throw new Error(`threaded build not selected (crossOriginIsolated=${String(self.crossOriginIsolated)})`);
  worker = new Worker(bundle.mainWorker!);
  db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  if (typeof source === 'string') await db.registerFileURL(NAME, source, duckdb.DuckDBDataProtocol.HTTP, false);
  else await db.registerFileHandle(NAME, source, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, false);
  conn = await db.connect();
  if (threads) await conn.query('SET threads = 2');
  const t = await conn.query("SELECT current_setting('threads') AS t");
  return { bundle: bundle.mainModule === coiWasm ? 'coi' : bundle.mainModule === ehWasm ? 'eh' : 'mvp', threads: Number(t.get(0)?.t) };
}

/** Runs one query and returns its row count and first row as plain JSON. */
export async function duckdbQuery(sql: string, keepRows = true): Promise<{ rows: number; first?: unknown }> {
  if (!conn) throw new Error('duckdbOpen first');
  const table = await conn.query(sql.replaceAll('FILE', `'${NAME}'`));
  const first = keepRows && table.numRows > 0 ? JSON.parse(plainJson(table.get(0)?.toJSON())) : undefined;
  return { rows: table.numRows, first };
}

/** Runs one query and turns every row of its result into text (as a grid would show them). */
export async function duckdbRowsText(sql: string): Promise<{ rows: number; text: number }> {
  if (!conn) throw new Error('duckdbOpen first');
  const table = await conn.query(sql.replaceAll('FILE', `'${NAME}'`));
  return { rows: table.numRows, text: plainJson(table.toArray().map((r) => r?.toJSON())).length };
}

/**
 * `COPY (sql) TO 'out' (FORMAT PARQUET)` into DuckDB-Wasm's in-memory file system, then the file's bytes
 * copied out to the page (as a download would need them), then dropped.
 */
export async function duckdbCopyToParquet(sql: string, out = 'export.parquet'): Promise<{ rows: number; bytes: number }> {
  if (!conn || !db) throw new Error('duckdbOpen first');
  const r = await conn.query(`COPY (${sql.replaceAll('FILE', `'${NAME}'`)}) TO '${out}' (FORMAT PARQUET, COMPRESSION SNAPPY)`);
  const bytes = await db.copyFileToBuffer(out);
  await db.dropFile(out);
  return { rows: Number(r.get(0)?.Count ?? r.get(0)?.count ?? -1), bytes: bytes.byteLength };
}

export async function duckdbClose(): Promise<void> {
  await conn?.close().catch(() => undefined);
  await db?.terminate().catch(() => undefined);
  worker?.terminate();
  conn = undefined;
  db = undefined;
  worker = undefined;
}
