import { LocatedError, errorMessage } from '../model/errors';
import type { ErrorInfo } from './protocol';

/** Any thrown value as plain data for the page: located errors keep where they happened. */
export function errorInfo(e: unknown): ErrorInfo {
  if (e instanceof LocatedError) return { message: e.message, where: e.where, stillWorks: e.stillWorks };
  return { message: errorMessage(e), where: {} };
}
