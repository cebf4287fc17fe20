// The console's pages (web/src) may import the browser packages they are built from and the contract
// (src/contracts, as `@contracts`), nothing else of the server: no server module, no Node built-in, no
// server-only package. `npm run lint:boundaries` runs this beside .dependency-cruiser.cjs;
// test/unit/boundaries.spec.ts proves each rule bites.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS config file (dependency-cruiser loads it with require)
const path = require('node:path');

const BROWSER_PACKAGES = ['vue', 'vue-router', '@vue', 'element-plus', '@element-plus', 'echarts', 'zrender'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'web-only-contract',
      severity: 'error',
      comment: 'A page imports the contract (@contracts), never other server code: shapes and labels live there.',
      from: { path: '^web/src/' },
      to: { pathNot: ['^web/src/', '^src/contracts/', '(^|/)node_modules/'] },
    },
    {
      name: 'web-browser-packages',
      severity: 'error',
      comment: 'The pages run in the browser: no Node built-ins, no server-only packages.',
      from: { path: '^web/src/' },
      // Unanchored: node_modules may be a symlink that resolves outside the checkout.
      to: { path: '(^|/)node_modules/', pathNot: `(^|/)node_modules/(${BROWSER_PACKAGES.join('|')})/` },
    },
    {
      name: 'web-no-node-builtins',
      severity: 'error',
      comment: 'The pages run in the browser: no Node built-ins.',
      from: { path: '^web/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-resolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing (a wrong path or a missing @contracts alias).',
      from: { path: '^web/src/' },
      to: { couldNotResolve: true, dependencyTypesNot: ['triple-slash-type-reference'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // env.d.ts only declares Vite's ambient types (a triple-slash reference the cruiser cannot resolve).
    exclude: { path: ['^web/dist/', '^web/src/env\\.d\\.ts$'] },
    tsPreCompilationDeps: true,
    // Resolved from where the cruise runs (the repository, or a test's miniature of it): `@contracts` lives here.
    tsConfig: { fileName: path.resolve('web/tsconfig.json') },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.vue', '.js', '.mjs'],
    },
  },
};
