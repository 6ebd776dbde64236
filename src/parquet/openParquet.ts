import type { ByteSource } from '../source/ByteSource';
import type { Dataset, OpenOptions } from '../dataset/types';
import { DatasetError } from '../dataset/errors';

export async function openParquet(_source: ByteSource, _options: OpenOptions = {}): Promise<Dataset> {
  throw new DatasetError('Parquet support is not available yet.');
}
