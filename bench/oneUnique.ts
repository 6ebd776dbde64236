/** node --expose-gc --import tsx bench/oneUnique.ts FILE COLUMN... */
import { measureUnique } from './uniqueNode';

for (const f of await measureUnique(process.argv[2], process.argv.slice(3))) console.log(JSON.stringify(f));
