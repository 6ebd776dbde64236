#!/usr/bin/env node
// `arrowscope`: runs the command built ahead of time into plain JavaScript (dist-cli/), so nothing is
// compiled at start. In a checkout whose build is missing or older than its sources, it runs the
// TypeScript through tsx instead (development only: about a second more per run; `npm run build:cli`).
import { fileURLToPath, pathToFileURL } from 'node:url';
import { builtCli } from './cliBuild.mjs';

// `view` and `serve` serve the built app from dist/ beside bin/ (in the repository or the installed package).
process.env.ARROWSCOPE_APP_DIR ??= fileURLToPath(new URL('../dist/', import.meta.url));

const built = builtCli(fileURLToPath(new URL('..', import.meta.url)));
if (built.current) {
  await import(pathToFileURL(built.entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
