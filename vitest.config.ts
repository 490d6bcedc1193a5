import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    env: { RODTRAD_VALIDATE_RESULTS: '1' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          environment: 'node',
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
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A real browser on a busy 2-core machine: a step that loses a race with a slow
          // frame is tried again (in the same app session) rather than failing the whole run.
          retry: 2,
          env: { RODTRAD_VALIDATE_RESULTS: '1' },
        },
      },
    ],
  },
});
