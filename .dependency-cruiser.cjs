// Boundary rules (docs/architecture.md): imports point down only, domain folders are entered through
// their index.ts, no cycles. `npm run lint` runs this; test/unit/boundaries.spec.ts proves each rule bites.
// Layers, top to bottom:
//   root       src/main.ts, src/compose.ts + src/compose/, src/demo/compose-demo.ts, scripts/   (may import anything)
//   transport  src/app.ts, src/wecom/, src/inbox/, src/demo/
//   dispatcher src/dispatcher/
//   handlers   handlers/
//   contract   src/commands/   (the command contract both the dispatcher and handlers build on)
//   jobs       jobs/, src/scheduler/   (beside the command side: calls services, never handlers)
//   services   src/services/
//   models     src/models/, src/repositories/   (schemas and indexes; the driver writes, one repository per aggregate)
//   base       src/text, src/time, src/messages, src/refusals, src/db, src/charts, src/cards, src/errors.ts, src/clock.ts,
//              src/logger.ts, config/
//   contracts  src/contracts/   (the console API's shapes and label tables; web/ imports it too: imports nothing)
const ROOT = ['^src/main\\.ts$', '^src/compose\\.ts$', '^src/compose/', '^src/demo/compose-demo\\.ts$', '^scripts/'];
// The demo's own composition is a root (it wraps the production one); the rest of src/demo/ is transport.
const TRANSPORT = ['^src/app\\.ts$', '^src/wecom/', '^src/inbox/', '^src/demo/(?!compose-demo\\.ts$)'];
// Everything `npm start` runs in production; src/demo/ is composed only in demo mode.
const PRODUCTION = ['^src/', '^handlers/', '^jobs/', '^config/'];
const DISPATCHER = ['^src/dispatcher/'];
const HANDLERS = ['^handlers/'];
const CONTRACT = ['^src/commands/'];
const JOBS = ['^jobs/', '^src/scheduler/'];
const SERVICES = ['^src/services/'];
const MODELS = ['^src/models/', '^src/repositories/'];
// Readers of Chinese words: times and dates, deadlines, unit abbreviations and typos.
const CHAT_WORDS = [
  '^src/time/parse-time\\.ts$',
  '^src/time/chinese-dates\\.ts$',
  '^src/time/parse-deadline\\.ts$',
  '^src/text/unit-match\\.ts$',
];

const up = (name, from, to, comment) => ({ name, severity: 'error', comment, from: { path: from }, to: { path: to } });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle ties layers or modules together: break it.',
      from: {},
      to: { circular: true },
    },
    up(
      'transport-not-up',
      TRANSPORT,
      [...ROOT, ...JOBS],
      'The transport hands messages to the dispatcher; it knows no jobs or composition.',
    ),
    up(
      'dispatcher-not-up',
      DISPATCHER,
      [...ROOT, ...TRANSPORT, ...HANDLERS, ...JOBS],
      'The dispatcher gets its command table passed in; it never imports handlers or the transport.',
    ),
    up(
      'handlers-not-up',
      HANDLERS,
      [...ROOT, ...TRANSPORT, ...DISPATCHER, ...JOBS, ...MODELS],
      'Handlers parse, call a service and format; they never reach the transport, jobs or models.',
    ),
    up(
      'contract-not-up',
      CONTRACT,
      [...ROOT, ...TRANSPORT, ...DISPATCHER, ...HANDLERS, ...JOBS, ...MODELS],
      'The command contract sits below handlers and the dispatcher.',
    ),
    up(
      'jobs-not-up',
      JOBS,
      [...ROOT, ...TRANSPORT, ...DISPATCHER, ...HANDLERS, ...CONTRACT, ...MODELS],
      'Jobs call services, never handlers or the command side.',
    ),
    up(
      'services-not-up',
      SERVICES,
      [...ROOT, ...TRANSPORT, ...DISPATCHER, ...HANDLERS, ...CONTRACT, ...JOBS],
      'Services own the rules; nothing in them points back at callers.',
    ),
    up(
      'models-not-up',
      MODELS,
      [...ROOT, ...TRANSPORT, ...DISPATCHER, ...HANDLERS, ...CONTRACT, ...JOBS, ...SERVICES],
      'Models declare schemas and indexes only.',
    ),
    up(
      'base-not-up',
      ['^src/(text|time|messages|refusals|db|charts|contracts|cards)/', '^src/(errors|clock|logger)\\.ts$', '^config/'],
      [...ROOT, ...TRANSPORT, ...DISPATCHER, ...HANDLERS, ...CONTRACT, ...JOBS, ...SERVICES, ...MODELS],
      'Text, time, messages, config and the database launcher are leaves every layer may use.',
    ),
    {
      name: 'services-no-chat-words',
      severity: 'error',
      comment:
        'Services take typed input (a date, a number of working days, a unit name); reading Chinese words is a ' +
        "door's job (handlers/, src/commands/, the console's zod schemas). src/commands/ is out of reach already " +
        '(services-not-up).',
      from: { path: SERVICES },
      to: { path: CHAT_WORDS },
    },
    {
      name: 'demo-not-in-production',
      severity: 'error',
      comment:
        'src/demo/ (the simulator, the fake WeCom) is wired only in demo mode, by src/demo/compose-demo.ts, which ' +
        'src/main.ts loads with a dynamic import when demo mode is on; production code never imports it.',
      from: { path: PRODUCTION, pathNot: ['^src/demo/', '^src/main\\.ts$'] },
      to: { path: '^src/demo/' },
    },
    {
      name: 'main-loads-demo-lazily',
      severity: 'error',
      comment:
        'src/main.ts reaches the demo only through a dynamic import of its composition (src/demo/compose-demo.ts).',
      from: { path: '^src/main\\.ts$' },
      to: { path: '^src/demo/', pathNot: '^src/demo/compose-demo\\.ts$' },
    },
    {
      name: 'main-loads-demo-lazily',
      severity: 'error',
      comment:
        'src/main.ts reaches the demo only through a dynamic import of its composition (src/demo/compose-demo.ts).',
      from: { path: '^src/main\\.ts$' },
      to: { path: '^src/demo/', dependencyTypesNot: ['dynamic-import'] },
    },
    {
      name: 'contracts-alone',
      severity: 'error',
      comment:
        'src/contracts is compiled into the web pages too: it imports nothing but itself (no server code, no packages).',
      from: { path: '^src/contracts/' },
      to: { pathNot: '^src/contracts/' },
    },
    {
      name: 'handler-not-handler',
      severity: 'error',
      comment: 'A handler never imports another handler; shared formatting lives in handlers/shared/.',
      from: { path: '^handlers/', pathNot: '^handlers/index\\.ts$' },
      to: { path: '^handlers/', pathNot: '^handlers/shared/' },
    },
    {
      name: 'domain-through-index',
      severity: 'error',
      comment: 'Another service domain is entered through its index.ts only.',
      from: { path: '^src/services/([^/]+)/' },
      to: { path: '^src/services/[^/]+/', pathNot: ['^src/services/$1/', '^src/services/[^/]+/index\\.ts$'] },
    },
    {
      name: 'services-through-index',
      severity: 'error',
      comment: 'Outside src/services/, a domain is entered through its index.ts only.',
      from: { pathNot: ['^src/services/[^/]+/', '^test/'] },
      to: { path: '^src/services/[^/]+/', pathNot: '^src/services/[^/]+/index\\.ts$' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'handlers-no-mongoose',
      severity: 'error',
      comment: 'Handlers call services; they never touch the database.',
      from: { path: HANDLERS },
      to: { path: '^node_modules/(mongoose|mongodb)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage|data|web)/' },
    // Type-only imports count: a type pointing up is still a dependency pointing up.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
