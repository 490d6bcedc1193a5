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
          env: { RODTRAD_VALIDATE_RESULTS: '1' },
        },
      },
    ],
  },
});
