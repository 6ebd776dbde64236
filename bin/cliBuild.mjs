// Whether the command built ahead of time (dist-cli/, `npm run build:cli`) can run in place of its sources.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The built entry under `root`, and whether it is current: in an installed package (no src/) the build
 * is all there is; in a checkout it is current when it exists and no file it was built from
 * (dist-cli/inputs.json) changed or went missing since the build started.
 * @param {string} root the package folder
 * @returns {{ entry: string, current: boolean }}
 */
export function builtCli(root) {
  const entry = join(root, 'dist-cli', 'arrowscope.mjs');
  if (!existsSync(entry)) return { entry, current: false };
  if (!existsSync(join(root, 'src'))) return { entry, current: true };
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(join(root, 'dist-cli', 'inputs.json'), 'utf8'));
    const current = inputs.length > 0 && inputs.every((file) => statSync(join(root, file)).mtimeMs < builtAt);
    return { entry, current };
  } catch {
    return { entry, current: false };
  }
}
