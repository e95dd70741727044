/**
 * Module boundaries, checked by `npm test` before Jest runs (infra/test.sh); any violation fails the run.
 *
 * - An app never imports another app, and a lib never imports an app (tests included): what two apps
 *   share lives in a lib, and tests that need several apps live in `e2e/`.
 * - Outside a lib, only its entry points are imported (`@ledger/<lib>`, and `@ledger/<lib>/testing`
 *   for test helpers), so a lib's internals can move freely.
 * - A slice (a feature folder directly under `apps/<app>/src/`) never reaches into another slice.
 *   A rule two slices share moves to a folder both may depend on: the app's `shared/`, the test
 *   entry points in `testing/`, or (projector) the consumer core the projections plug into.
 *   Files directly under `src/` (module, config, tokens) wire the slices together and are free.
 */

/**
 * Per app: the folders under `src/` that are not slices, so every slice of that app may depend on
 * them: shared rules, test entry points, and each app's cross-cutting core (the projector's consumer
 * core; who the caller is and what it may do, in ingest and reporting; the one reader of a learner's
 * record that the API and the web shell both show).
 */
const NOT_SLICES = {
  ingest: ['shared', 'testing', 'authenticate'],
  projector: ['shared', 'testing', 'project-ledger', 'rebuild', 'watermark'],
  // report-outputs: the kit every report renders with (PDF, CSV, UK dates, the generation it reads);
  // web: the shell's plumbing (session, page frame, error pages) that every report's pages use.
  reporting: ['shared', 'testing', 'access', 'learner-record', 'report-outputs', 'web'],
};

const sliceRules = Object.entries(NOT_SLICES).map(([app, shared]) => ({
  name: `${app}-slices-stay-apart`,
  comment: `A slice of ${app} imports only its own files, ${shared.join('/, ')}/ and the files directly under src/.`,
  severity: 'error',
  from: { path: `^apps/${app}/src/([^/]+)/`, pathNot: `^apps/${app}/src/(${shared.join('|')})/` },
  to: { path: `^apps/${app}/src/[^/]+/`, pathNot: `^apps/${app}/src/($1|${shared.join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'apps-stay-apart',
      comment: 'An app never imports another app; share through a lib, or test several apps together from e2e/.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-never-import-apps',
      comment: 'Libs serve the apps and never depend on them, nor on the tools around them (tests included).',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^(apps|e2e|infra|bench)/' },
    },
    {
      name: 'apps-never-import-tools',
      comment: 'The apps do not depend on the end-to-end tests, the infrastructure scripts or the benchmarks.',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^(e2e|infra|bench)/' },
    },
    {
      name: 'lib-entry-points-only',
      comment: 'Outside a lib, import it by its entry point (@ledger/<lib>, or @ledger/<lib>/testing in tests).',
      severity: 'error',
      from: { path: '^(apps|e2e|infra|bench|libs)/', pathNot: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/', pathNot: '^libs/[^/]+/src/(index|testing/index)[.]ts$' },
    },
    {
      name: 'lib-entry-points-only-between-libs',
      comment: 'One lib imports another only by its entry point.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/(index|testing/index)[.]ts$'] },
    },
    {
      name: 'e2e-through-test-entry-points',
      comment: 'End-to-end tests start the apps through their testing/ entry points and talk to them over HTTP.',
      severity: 'error',
      from: { path: '^e2e/' },
      to: { path: '^apps/', pathNot: '^apps/[^/]+/src/testing/' },
    },
    ...sliceRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|[.]infra)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
