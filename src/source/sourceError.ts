import { LocatedError } from '../model/errors';

/**
 * A failure to get bytes (server unreachable, Range not honoured, read past a closed handle), as
 * opposed to bytes that do not make a valid file (DatasetError).
 */
export class SourceError extends LocatedError {}
