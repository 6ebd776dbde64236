/** The value after `--name` on the command line, or `fallback`. */
export const arg = (name: string, fallback?: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
