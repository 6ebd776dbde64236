import { LocatedError, describeLocation } from '../model/errors';
import { escapeText } from './escapeText';

/** The command line itself is wrong (unknown option, malformed value): exit code 2. */
export class UsageError extends Error {}

/** A file or column that cannot be read, or a request the file cannot answer: exit code 1. */
export class InputError extends Error {}

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

/** The one line printed on stderr for an error (escaped: names in it come from the file). */
export function errorLine(e: unknown): string {
  let text: string;
  if (e instanceof LocatedError) {
    const where = describeLocation(e.where);
    text = `${e.message}${where ? ` (at ${where})` : ''}${e.stillWorks ? ` ${e.stillWorks}` : ''}`;
  } else if ((e as NodeJS.ErrnoException)?.code === 'ENOENT') {
    text = `no such file: ${(e as NodeJS.ErrnoException).path}`;
  } else if ((e as NodeJS.ErrnoException)?.code === 'EACCES') {
    text = `permission denied: ${(e as NodeJS.ErrnoException).path}`;
  } else if (e instanceof Error) {
    text = e.message;
  } else {
    text = String(e);
  }
  return `arrowscope: ${escapeText(text)}\n`;
}

export const exitCodeOf = (e: unknown): number => (e instanceof UsageError ? EXIT_USAGE : EXIT_INPUT);
