/** The Chromium part alone: node --import tsx bench/browserOnly.ts FILE CHUNK_ROWS (after vite build). */
import { measureInChromium } from './appChromium';

console.log(JSON.stringify(await measureInChromium([{ path: process.argv[2], chunkRows: Number(process.argv[3]) }]), null, 1));
