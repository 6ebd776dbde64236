/** Largest single read we issue: `Blob.slice().arrayBuffer()` fails above ~2 GiB in Chromium. */
export const MAX_SINGLE_READ = 128 * 1024 * 1024;
