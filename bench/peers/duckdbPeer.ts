import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { plainJson } from './plainJson';

const NAME = 'peer.parquet';
let db: duckdb.AsyncDuckDB | undefined;
let conn: duckdb.AsyncDuckDBConnection | undefined;

/**
 * Starts DuckDB-Wasm from the bundles served with the page (no CDN) and registers the File to be
 * read on demand. 1.28 is the last release with Parquet built in (later ones fetch it from
 * extensions.duckdb.org); its threaded bundle does not start ("startWorker is not defined"), so the
 * single-threaded one runs. directIO off: DuckDB buffers its reads, 8x faster here than with it on.
 */
export async function duckdbOpen(file: File): Promise<{ bundle: string }> {
  const bundles: duckdb.DuckDBBundles = {
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  };
  const bundle = await duckdb.selectBundle(bundles);
  db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker!));
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.registerFileHandle(NAME, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, false);
  conn = await db.connect();
  return { bundle: bundle.mainModule === ehWasm ? 'eh' : 'mvp' };
}

/** Runs one query and returns its rows as plain objects (few rows) or just the row count. */
export async function duckdbQuery(sql: string, keepRows = true): Promise<{ rows: number; first?: unknown }> {
  if (!conn) throw new Error('duckdbOpen first');
  const table = await conn.query(sql.replaceAll('FILE', `'${NAME}'`));
  const first = keepRows && table.numRows > 0 ? JSON.parse(plainJson(table.get(0)?.toJSON())) : undefined;
  return { rows: table.numRows, first };
}
