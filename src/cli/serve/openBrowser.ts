import { spawn } from 'node:child_process';

/** The platform's "open this URL" command. */
function opener(url: string): [string, string[]] {
  if (process.platform === 'darwin') return ['open', [url]];
  if (process.platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', url]];
  return ['xdg-open', [url]];
}

/** Asks the default browser to open `url`; resolves to null when it did, or to why it could not. */
export function openBrowser(url: string): Promise<string | null> {
  const [command, args] = opener(url);
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(command, args, { stdio: 'ignore', detached: true });
    } catch (e) {
      resolve(`${command}: ${(e as Error).message}`);
      return;
    }
    child.once('error', (e) => resolve(`${command}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : e.message}`));
    child.once('exit', (code, signal) => resolve(code === 0 ? null : `${command} ended with ${signal ?? `code ${code}`}`));
    child.unref();
  });
}
