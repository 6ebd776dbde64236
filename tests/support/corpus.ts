import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CORPUS_DIR = resolve(process.env.CORPUS_DIR ?? join(__dirname, '../../../shared/corpus'));
export const hasCorpus = existsSync(CORPUS_DIR);

/** Every file below `dir` (relative to the corpus) whose name matches `pattern`. */
export function corpusFiles(dir: string, pattern: RegExp): string[] {
  const root = join(CORPUS_DIR, dir);
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (pattern.test(name)) out.push(p);
    }
  };
  walk(root);
  return out;
}
