import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'tools/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Dependencies point one way: services and models never reach back into handlers or jobs.
    files: ['src/**/*.ts'],
    ignores: ['src/main.ts', 'src/app.ts', 'src/compose.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(\\.\\./)+(handlers|jobs)(/|$)', message: 'src/ must not depend on handlers/ or jobs/ (one-way data flow).' }] }],
    },
  },
  {
    files: ['handlers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'mongoose', message: 'Handlers call services; they never touch the database.' }], patterns: [{ group: ['**/models/*'], message: 'Handlers call services, not models.' }] }],
    },
  },
  {
    files: ['*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
);
