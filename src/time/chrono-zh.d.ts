// chrono-node publishes each locale as a subpath (`chrono-node/zh`) through package "exports", which this
// project's module resolution (node10) does not read: point the types at the locale's own declarations.
// Importing only the Chinese locale loads a third of the package (all locales take a second in a test file).
declare module 'chrono-node/zh' {
  export * from 'chrono-node/dist/esm/locales/zh/index';
}
