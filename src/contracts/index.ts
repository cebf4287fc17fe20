// The console's contract: the API's request and response shapes and every label table. The server
// (src/console, src/messages, the models' vocabularies) and the pages (web/, alias `@contracts`) both
// import it, so a change shows up in both compilers. Plain TypeScript: it imports nothing outside this folder.
export * from './common';
export * from './labels';
export * from './opinions';
export * from './overview';
export * from './events';
export * from './bulletins';
export * from './roster';
export * from './holidays';
export * from './ballots';
export * from './units';
export * from './unit-records';
export * from './projects';
