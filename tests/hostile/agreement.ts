import type { RowWindow } from '../../src/worker/protocol';
import type { CliRows } from './probeCli';

const show = (v: unknown) => JSON.stringify(v)?.slice(0, 80);

/**
 * Where the CLI's rows differ from the app's window, or null when they agree: the same text for every
 * value, and an error in the same columns (with the same sentence).
 */
export function compareWindow(app: RowWindow, cli: CliRows): string | null {
  const rows = `rows ${app.start}–${app.start + app.count}`;
  if (cli.columns === null) return `${rows}: the CLI printed no rows (exit ${cli.code}) where the app shows a window`;
  if (cli.columns.length !== app.columns.length) return `${rows}: the CLI printed ${cli.columns.length} columns, the app ${app.columns.length}`;
  for (let k = 0; k < app.columns.length; k++) {
    const appError = app.errors[k];
    const cliColumn = cli.columns[k];
    if (appError !== null || cliColumn.error !== undefined) {
      if (appError !== cliColumn.error) return `${rows}, column ${k}: app error ${show(appError)}, CLI error ${show(cliColumn.error)}`;
      continue;
    }
    if (cliColumn.values.length !== app.columns[k].length) return `${rows}, column ${k}: the CLI printed ${cliColumn.values.length} values, the app ${app.columns[k].length}`;
    for (let r = 0; r < cliColumn.values.length; r++) {
      if (cliColumn.values[r] !== app.columns[k][r]) return `${rows}, column ${k}, row ${app.start + r}: app ${show(app.columns[k][r])}, CLI ${show(cliColumn.values[r])}`;
    }
  }
  return null;
}
