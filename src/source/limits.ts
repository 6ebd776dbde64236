/** Largest single read we issue: `Blob.slice().arrayBuffer()` fails above ~2 GiB in Chromium. */
export const MAX_SINGLE_READ = 128 * 1024 * 1024;

/**
 * How long an HTTP request may go without progress before it is given up: no answer (status and
 * headers) within this time, or no body bytes for this long while the body trickles. The URL form
 * lets the user change it; it travels to every worker in the SourceSpec.
 */
export const HTTP_TIMEOUT_MS = 30_000;

/**
 * The most one compressed buffer may declare it decodes to. A high compression ratio is no sign of
 * damage (an all-null column of 10 million int64 is 80 MB of zeros that ZSTD keeps in 3 KB), so
 * the declared length is held to a memory budget instead, before anything is allocated.
 */
export const MAX_DECODED_BUFFER_BYTES = 512 * 1024 * 1024;
