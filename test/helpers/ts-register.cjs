/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, process */
// Lets a child process run the TypeScript sources directly (transpile only, with swc as jest does), for
// tests that need a real separate process: kill -9 mid-send, a busy port, an unwritable file.
// Usage: node -r ./test/helpers/ts-register.cjs some-file.ts
// Output is cached by file, size and mtime in the temp folder (shared, so a child running as another
// user can use it too); the compiler is loaded only on a miss.
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const cacheDir = path.join(os.tmpdir(), 'deputy-ts-register-cache');
try {
  fs.mkdirSync(cacheDir, { recursive: true, mode: 0o1777 });
  fs.chmodSync(cacheDir, 0o1777);
} catch {
  // Not ours to change, or no cache at all: transpiling still works.
}

let swc;
function transpile(source, filename) {
  swc = swc || require('@swc/core');
  // The one transform (scripts/swc-options.cjs), without source maps.
  return swc.transformSync(source, {
    ...require('../../scripts/swc-options.cjs'),
    filename,
    sourceMaps: false,
  }).code;
}

require.extensions['.ts'] = function compile(module, filename) {
  const stat = fs.statSync(filename);
  const key = crypto.createHash('sha1').update(`swc:${filename}:${stat.size}:${stat.mtimeMs}`).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  let output;
  try {
    output = fs.readFileSync(cached, 'utf8');
  } catch {
    output = transpile(fs.readFileSync(filename, 'utf8'), filename);
    try {
      // Written aside and renamed, so a concurrent child never reads half a file.
      const partial = `${cached}.${process.pid}.tmp`;
      fs.writeFileSync(partial, output, { mode: 0o644 });
      fs.renameSync(partial, cached);
    } catch {
      // A read-only temp folder only costs speed.
    }
  }
  module._compile(output, filename);
};
