import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';

// Size limits (issue 21 item 7; style.md "small by rule"): a file ≤ 300 lines, a function ≤ 80, blank lines and
// comments not counted (a comment saying why is never the reason to split). A .vue page counts whole: template too.
const SIZED = [
  'src/**/*.ts',
  'handlers/**/*.ts',
  'jobs/**/*.ts',
  'scripts/**/*.ts',
  'web/src/**/*.ts',
  'web/src/**/*.vue',
];
const SIZE_RULES = {
  'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
  'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
};
// The allow-list: what is over a limit, as `{ files: [globs], why: '…' }`. Empty: every file is within the limits;
// a new entry has to say why its file cannot be split.
const OVER_LIMIT = [];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'tools/**',
      '.tools/**',
      'web/dist/**',
      'test/artifacts/**',
    ],
  },
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
  // Layer boundaries and cycles: .dependency-cruiser.cjs (`npm run lint:boundaries`).
  {
    // config/ reads the environment; entry points (src/main.ts, scripts/) hand process.env to it.
    files: ['src/**/*.ts', 'handlers/**/*.ts', 'jobs/**/*.ts'],
    ignores: ['src/main.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'config/ is the only reader of process.env: pass settings in.' },
      ],
    },
  },
  {
    // One duplicate-key check: src/models/duplicate-key.ts (isDuplicateKey, isOnlyDuplicateKeys).
    files: ['src/**/*.ts', 'handlers/**/*.ts', 'jobs/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['src/models/duplicate-key.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=11000]',
          message:
            'Duplicate keys are recognised only by isDuplicateKey / isOnlyDuplicateKeys (src/models/duplicate-key.ts).',
        },
        {
          selector: 'Literal[value=/E11000/]',
          message:
            'Duplicate keys are recognised only by isDuplicateKey / isOnlyDuplicateKeys (src/models/duplicate-key.ts).',
        },
      ],
    },
  },
  {
    files: ['handlers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'mongoose', message: 'Handlers call services; they never touch the database.' }],
          patterns: [{ group: ['**/models/*'], message: 'Handlers call services, not models.' }],
        },
      ],
    },
  },
  {
    // The simulator page's browser code: classic scripts inlined into one <script> (src/demo/assets.ts). A top-level
    // name is the page's shared global, used by the next script, so only local names must be used where declared.
    files: ['src/demo/browser/*.ts'],
    languageOptions: { sourceType: 'script' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { vars: 'local', argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  // The console's Vue pages (web/): TypeScript inside .vue files, browser globals, and never v-html.
  ...pluginVue.configs['flat/recommended'].map((c) => ({ ...c, files: ['web/**/*.vue'] })),
  {
    files: ['web/**/*.vue'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
    rules: {
      'no-console': 'error',
      // vue-tsc checks names; browser globals are not declared to ESLint.
      'no-undef': 'off',
      'vue/no-v-html': 'error',
      'vue/no-v-text-v-html-on-component': 'error',
      'vue/multi-word-component-names': 'off',
      // Layout belongs to Prettier (npm run format); these rules would fight it.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/html-indent': 'off',
      'vue/html-self-closing': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: SIZED, rules: SIZE_RULES },
  ...OVER_LIMIT.map(({ files }) => ({ files, rules: { 'max-lines': 'off', 'max-lines-per-function': 'off' } })),
  {
    files: ['*.js', '*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
);
