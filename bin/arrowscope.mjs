#!/usr/bin/env node
// Runs the TypeScript command-line inspector with tsx's loader, so `npx arrowscope` works in the repo.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
