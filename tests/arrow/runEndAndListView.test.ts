import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { fixtureFiles } from '../support/corpus';
import { expectIntegrationValues, expectPyarrowText, integrationJson, pyarrowGold } from './support/goldText';

const DIR = 'arrow-testing/data/arrow-ipc-stream/integration/cpp-21.0.0';
const files = fixtureFiles(DIR, /^generated_(run_end_encoded|list_view)\.(stream|arrow_file)$/);

describe('run-end encoded and list-view columns (types apache-arrow 21 cannot decode)', () => {
  it('are vendored in both IPC forms', () => expect(files.length).toBe(4));

  it.each(files.map((f) => [basename(f), f]))('%s: every value equals the integration JSON, whole and in row windows', async (_name, path) => {
    const ds = await openDataset(await NodeFileSource.open(path));
    await ds.indexed;
    expect(ds.fields.filter((f) => f.unsupported)).toEqual([]);
    const compared = await expectIntegrationValues(ds, integrationJson(path.replace(/\.(stream|arrow_file)$/, '.json.gz')));
    expect(compared).toBeGreaterThan(100);
    await ds.close();
  });

  it.each(files.map((f) => [basename(f), f]))('%s: type names and display text equal pyarrow', async (name, path) => {
    const ds = await openDataset(await NodeFileSource.open(path));
    await ds.indexed;
    const gold = pyarrowGold('corpus', `${DIR}/${name}`);
    expect(ds.fields.map((f) => f.type)).toEqual(gold.columns.map((c) => c.type));
    expect(await expectPyarrowText(ds, gold)).toBeGreaterThanOrEqual(20);
    await ds.close();
  });

  it('name their stored children and family', async () => {
    const [path] = fixtureFiles(DIR, /^generated_run_end_encoded\.stream$/);
    const ds = await openDataset(await NodeFileSource.open(path));
    const ree = ds.fields[1];
    expect(ree.type).toBe('run_end_encoded<run_ends: int32, values: string>');
    expect(ree.typeId).toBe('run_end_encoded');
    expect(ree.children.map((c) => c.name)).toEqual(['run_ends', 'values']);
    const [lv] = fixtureFiles(DIR, /^generated_list_view\.stream$/);
    const lvs = await openDataset(await NodeFileSource.open(lv));
    expect(lvs.fields.map((f) => [f.type, f.typeId])).toEqual([
      ['list_view<item: float>', 'list_view'],
      ['large_list_view<item: float>', 'list_view'],
    ]);
    await ds.close();
    await lvs.close();
  });
});
