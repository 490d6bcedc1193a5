import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    env: { RODTRAD_VALIDATE_RESULTS: '1' },
    // after the summary: which tests were skipped for something absent, and why
    reporters: ['default', './tests/setup/skipped-summary.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          environment: 'node',
          // every way of running a test (one file, one project, the whole suite) sees current code
          globalSetup: ['tests/setup/build.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          env: { RODTRAD_VALIDATE_RESULTS: '1' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // every way of running a test (one file, one project, the whole suite) sees current code
          globalSetup: ['tests/setup/build.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // No retry setting anywhere (vitest's default is none): a retry would run on the state
          // the failed attempt left behind, and hide the race instead of showing it.
          env: { RODTRAD_VALIDATE_RESULTS: '1' },
        },
      },
    ],
  },
});
