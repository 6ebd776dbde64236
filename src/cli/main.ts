import { run } from './run';

/** `view` and `serve` serve until Ctrl+C (or SIGTERM), then close the server and exit 0. */
const interrupted = () => new Promise<void>((resolve) => process.once('SIGINT', () => resolve()).once('SIGTERM', () => resolve()));

// No process.exit(): the process ends once stdout has drained, so a pipe gets every byte.
process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stop: interrupted });
