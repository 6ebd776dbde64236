/** What one hostile input ended in, as the suite counts it. */
export type OutcomeKind = 'clean' | 'clear error' | 'unclear' | 'hang' | 'over memory';
export const OUTCOME_KINDS: readonly OutcomeKind[] = ['clean', 'clear error', 'unclear', 'hang', 'over memory'];

/** One sentence a user reads as an error: where it shows, its text, and whether a located error (DatasetError…) carried it. */
export interface ShownError {
  where: string;
  message: string;
  located: boolean;
  /** Not an error the app shows, but a fact it shows that cannot be true (a negative row count). */
  wrongFact?: boolean;
}

/**
 * Words only a library or the runtime says: a sentence holding one of these leaks internals instead of
 * telling the user what is wrong with the file (issue 17).
 */
const INTERNALS =
  /TypeError|RangeError|SyntaxError|ReferenceError|EvalError|URIError|Cannot read propert|Cannot set propert|is not a function|is not iterable|is not defined|is not a constructor|\bundefined\b|\bNaN\b|\bInfinity\b|\[object |Invalid array length|Invalid typed array length|Invalid string length|Maximum call stack|outside the bounds of the DataView|out of bounds access|Array buffer allocation failed|is not safe to convert|unexpected error|RuntimeError/i;

/** Why the sentence is not a clear error, or null when it is one. */
export function unclearReason(e: ShownError): string | null {
  if (e.wrongFact) return 'shown as a fact, with no error';
  if (!e.located) return 'not a located error (DatasetError, SourceError or a column sentence)';
  if (e.message.trim() === '') return 'an empty message';
  // Names from the file are quoted in sentences ("Column \"x\" of chunk 0"): a name is not a leak, whatever it holds.
  const leak = e.message.replace(/"[^"\n]*"/g, '""').match(INTERNALS);
  if (leak) return `library internals ("${leak[0]}")`;
  return null;
}

/** The outcome of an input that ran to the end: unclear if any error shown is, else an error if any, else clean. */
export function classify(errors: readonly ShownError[]): OutcomeKind {
  if (errors.some((e) => unclearReason(e) !== null)) return 'unclear';
  return errors.length ? 'clear error' : 'clean';
}
