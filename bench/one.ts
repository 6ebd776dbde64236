/** One workload's engine figures: node --expose-gc --import tsx bench/one.ts FILE */
import { measureArrowFile } from './engineNode';

console.log(JSON.stringify(await measureArrowFile(process.argv[2], ['cand_nm', 'contbr_nm']), null, 1));
