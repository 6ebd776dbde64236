/** The peers alone: node --import tsx bench/peersOnly.ts arrow|duckdb FILE CHUNK_ROWS COLUMN... */
import { arrowPeer, buildPeers, duckdbPeer } from './peersChromium';

const [which, file, chunkRows, ...columns] = process.argv.slice(2);
buildPeers();
const run = await (which === 'arrow' ? arrowPeer : duckdbPeer)(file, Number(chunkRows), columns);
console.log(JSON.stringify(run, null, 1));
