import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** Lints one line as if it stood in a file at `path`; returns the layer rule's messages. */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the lint rule keeps the layer order', () => {
  it.each([
    ['src/source/probe.ts', "export { App } from '../ui/App';"],
    ['src/ui/probe.ts', "export { openArrow } from '../arrow/openArrow';"],
    ['src/ui/probe.ts', "export { Engine } from '../worker/engine';"],
    ['src/ui/probe.ts', "export { tableFromIPC } from 'apache-arrow';"],
    ['src/arrow/probe.ts', "export { openDataset } from '../dataset/openDataset';"],
    ['src/parquet/probe.ts', "export { openArrow } from '../arrow/openArrow';"],
    ['src/model/probe.ts', "export type { ByteSource } from '../source/limits';"],
    ['src/compute/probe.ts', "export { Engine } from '../worker/engine';"],
    ['src/worker/probe.ts', "export { openParquet } from '../parquet/openParquet';"],
    ['src/worker/pool/probe.ts', "export { openParquet } from '../../parquet/openParquet';"],
    ['src/cli/probe.ts', "export { Engine } from '../worker/engine';"],
    ['src/arrow/probe.ts', "export { VectorLoader } from 'apache-arrow/visitor/vectorloader';"],
    ['tests/probe.test.ts', "export { parquetHeader } from 'hyparquet/src/column.js';"],
  ])('%s: %s is rejected', async (path, code) => {
    expect(await layerErrors(path, code)).not.toEqual([]);
  });

  it.each([
    ['src/ui/probe.ts', "export { startEngine } from '../worker/client';"],
    ['src/ui/probe.ts', "export type { DatasetSummary } from '../worker/protocol';"],
    ['src/dataset/probe.ts', "export { openArrow } from '../arrow/openArrow';"],
    ['src/arrow/probe.ts', "export { VectorLoader } from '../adapters/apacheArrowInternals';"],
    ['src/worker/pool/probe.ts', "export { openDataset } from '../../dataset/openDataset';"],
  ])('%s: %s is allowed', async (path, code) => {
    expect(await layerErrors(path, code)).toEqual([]);
  });
});
