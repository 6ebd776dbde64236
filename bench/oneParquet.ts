/** Parquet engine figures alone: node --expose-gc --import tsx bench/oneParquet.ts FILE */
import { measureParquetFile } from './parquetNode';

console.log(JSON.stringify(await measureParquetFile(process.argv[2], 'contbr_nm'), null, 1));
