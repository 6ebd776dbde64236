/** node --import tsx bench/uniqueChromium.ts FILE COLUMN... (after vite build) */
import { measureUniqueInChromium } from './appChromium';

for (const f of await measureUniqueInChromium(process.argv[2], process.argv.slice(3))) console.log(JSON.stringify(f));
