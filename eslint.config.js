// ESLint over the whole source tree: typescript-eslint's recommended rules everywhere, the
// React hooks rules in the renderer (exhaustive-deps as an error: a missing dependency is a
// stale-closure bug). Types are checked by `npm run typecheck`, not here.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'release/', 'coverage/', 'bench-out/', 'tests/tmp/', 'tests/e2e/__screenshots__/', 'sample-corpus/', 'migrations/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a parameter a signature needs but the body does not use
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'react-hooks/exhaustive-deps': 'error' },
  },
);
