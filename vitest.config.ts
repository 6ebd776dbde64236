import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    // Builds the CLI (dist-cli/) when missing or stale: tests that start the real process run the built JavaScript.
    globalSetup: ['tests/cli/support/buildCli.ts'],
  },
});
