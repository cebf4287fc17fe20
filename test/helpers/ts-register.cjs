/* eslint-disable @typescript-eslint/no-require-imports */
/* global require */
// Lets a child process run the TypeScript sources directly (transpile only, as ts-jest does), for
// tests that need a real separate process: kill -9 mid-send, a busy port, an unwritable file.
// Usage: node -r ./test/helpers/ts-register.cjs some-file.ts
const fs = require('node:fs');
const ts = require('typescript');

const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false };
require.extensions['.ts'] = function compile(module, filename) {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions: options, fileName: filename });
  module._compile(outputText, filename);
};
