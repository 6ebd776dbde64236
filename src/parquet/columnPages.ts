import type { ByteSource } from '../model/byteSource';
import { DatasetError } from '../model/errors';
import type { PageList } from '../model/types';
import type { ColumnSubset } from './columnSubset';
import { readPages } from './readPages';
import type { RowGroupColumns } from './rowGroupMeta';

/** The pages of every leaf of one top-level column in one row group, from their headers only, up to the first that cannot be read. */
export async function columnPages(source: ByteSource, rg: RowGroupColumns, rowGroup: number, subset: ColumnSubset, fieldName: string, signal?: AbortSignal, nullCountDistrust?: string): Promise<PageList> {
  const out: PageList = { pages: [], truncated: false };
  for (const leaf of rg.columns.slice(subset.firstLeaf, subset.firstLeaf + subset.leaves)) {
    const name = leaf.meta_data?.path_in_schema.join('.') ?? fieldName;
    if (!leaf.meta_data) throw new DatasetError(`Column "${name}" of row group ${rowGroup} is encrypted; its pages cannot be listed without a key.`, { chunk: rowGroup, column: name });
    const { pages, truncated, problem } = await readPages(source, leaf, name, signal, nullCountDistrust);
    out.pages.push(...pages);
    out.truncated ||= truncated;
    if (problem) {
      out.problem = { ...problem, where: { ...problem.where, chunk: rowGroup } };
      break;
    }
  }
  return out;
}
