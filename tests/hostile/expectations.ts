import type { CraftedFile } from './crafted';
import type { Outcome } from './probePool';

/** Why a crafted file's outcome is not what it must be, or null when it is. */
export function unmet(file: CraftedFile, outcome: Outcome): string | null {
  const { kind, result } = outcome;
  if (kind !== 'clean' && kind !== 'clear error') return `${kind}: ${outcome.detail}`;
  if (!result) return 'no result';
  if (result.disagreement) return `the CLI and the app disagree: ${result.disagreement}`;
  if (result.unsafeOutput) return `unsafe CLI output: ${result.unsafeOutput}`;
  if (file.expect === 'values' && kind !== 'clean') return `values expected, but: ${result.errors.map((e) => `${e.where}: ${e.message}`)[0]}`;
  if (file.expect === 'error' && kind !== 'clear error') return `an error expected (inconsistent bytes), but ${result.valueCells} values were shown with none`;
  if (file.rows !== undefined && result.rows !== file.rows) return `${file.rows} rows expected, the app shows ${result.rows}`;
  for (const [column, values] of Object.entries(file.values ?? {})) {
    const shown = result.cells[Number(column)];
    if (JSON.stringify(shown) !== JSON.stringify(values)) return `column ${column} shows ${JSON.stringify(shown)?.slice(0, 200)}, not ${JSON.stringify(values).slice(0, 200)}`;
  }
  if (result.opened) {
    for (const column of file.failing ?? []) {
      const shown = result.errors.some((e) => e.where.endsWith(`column ${column}`) || e.where.startsWith('field'));
      if (!shown) return `column ${column} showed values from inconsistent bytes (no error for it)`;
    }
  }
  return null;
}
