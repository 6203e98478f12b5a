// ESLint flat config: type-checked TypeScript rules, the Rules of React (including the
// React Compiler-era checks) and accessibility checks for JSX.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores([
    'dist/',
    '.cache/',
    'bench/dist/',
    'bench/results/',
    'test-results/',
    'playwright-report/',
    'reports/',
  ]),
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Callback props and interface members as properties, so they are checked contravariantly.
      '@typescript-eslint/method-signature-style': 'error',
      // `typeof import('…')` stays allowed: it is how a lazily imported module is typed.
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      // Engine drivers implement Promise-returning interfaces; an `async` method without `await`
      // is the plainest way to do so (and to turn a throw into a rejection).
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Vitest's asymmetric matchers (expect.stringMatching, expect.any, …) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'tests/unit/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest'], jsxA11y.flatConfigs.recommended],
    languageOptions: { globals: globals.browser },
    rules: {
      // A labelled region that scrolls must take the focus, or keyboards cannot scroll it.
      'jsx-a11y/no-noninteractive-tabindex': [
        'error',
        { tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true },
      ],
    },
  },
  {
    // Node scripts that drive Chromium: the functions they pass to page.evaluate() run in the page.
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Scripts that the benchmark's baseline pages load in a page or a worker.
    files: ['bench/baselines/**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
]);
