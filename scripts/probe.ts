import { openDataset } from '../src/dataset/openDataset';
import { NodeFileSource } from '../src/source/nodeFileSource';
for (const path of process.argv.slice(2)) {
  const t0 = performance.now();
  let outcome = '';
  try {
    const ds = await openDataset(await NodeFileSource.open(path));
    await ds.indexed;
    let ok = 0, bad = 0;
    for (let b = 0; b < ds.chunks.length; b++) for (let c = 0; c < ds.fields.length; c++) {
      try { const v = await ds.readColumn(b, c); for (let i = 0; i < v.length; i++) v.get(i); ok++; } catch (e) { bad++; if ((e as Error).name !== 'DatasetError') outcome += ` [${(e as Error).name}: ${(e as Error).message.slice(0,80)}]`; }
    }
    outcome = `open ok, ${ds.chunks.length} chunks, cols ok ${ok} bad ${bad}, problems ${ds.problems.map(p=>p.message.slice(0,60)).join('|')}` + outcome;
  } catch (e) { outcome = `${(e as Error).name}: ${(e as Error).message.slice(0, 100)}`; }
  console.log(`${(performance.now()-t0).toFixed(0)}ms ${path.split('/').pop()}: ${outcome}`);
}
