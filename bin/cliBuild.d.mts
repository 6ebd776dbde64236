/** The built entry under `root`, and whether it can run in place of the sources (see cliBuild.mjs). */
export function builtCli(root: string): { entry: string; current: boolean };
