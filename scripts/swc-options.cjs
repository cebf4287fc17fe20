/* global module */
// The one TypeScript transform of the Node program: jest (jest.config.js), the server's build (scripts/transpile.mjs)
// and the test children (test/helpers/ts-register.cjs) all transpile with it, so what runs is what was tested.
// tsconfig.json's target (ES2022 class fields) and module (CommonJS with esModuleInterop's helpers); types are
// checked once, by `npm run typecheck`.
module.exports = {
  jsc: {
    parser: { syntax: 'typescript' },
    target: 'es2022',
    transform: { useDefineForClassFields: true },
  },
  module: { type: 'commonjs' },
};
