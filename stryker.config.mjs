// @ts-check
/**
 * Mutation testing of the domain rules: `npm run mutate` (not part of `npm test` or CI; it takes long).
 * One module at a time: `npm run mutate -- --mutate src/domain/values/dates.ts`.
 *
 * - Mutates `src/domain/**\/*.ts`. Data tables are excluded by shape, not by file and not by `// Stryker disable`
 *   comments: the `data-tables` ignorer in scripts/stryker-data-tables.mjs leaves out module-level literal tables
 *   (synonym and choice lists, the 都道府県 list, the era start table, issue codes, default topics); the rules
 *   in the same files (booleans such as `required: true`, regular expressions, functions) are mutated.
 * - Runs only the domain and corpus tests (jest.stryker.config.js); the vm, ui and CLI suites need the bundle and
 *   are too slow to run for every mutant.
 * - Static mutants (module-level values computed on import: the regular expressions, ERAS) are left out of the
 *   score: each one needs every test re-run in a fresh module registry, hours on a small machine. Include them for
 *   one module with `STRYKER_STATIC=1 npm run mutate -- --mutate src/domain/values/dates.ts`.
 * - At most two test processes: the machine is small and shared. Incremental: a second run re-tests only the
 *   mutants whose code or covering tests changed (reports/stryker-incremental.json).
 */
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  packageManager: 'npm',
  plugins: ['@stryker-mutator/jest-runner', './scripts/stryker-data-tables.mjs'],
  testRunner: 'jest',
  // Not findRelatedTests: jest's dependency graph holds only the files under its roots (the test folders), so it
  // found only the test files that import the mutated module directly, and a mutant of fields.ts went untested by
  // every test that reaches it through a sheet reader (a survivor that was never tried). The covering-files
  // sequencer narrows the files by the covering tests' names instead.
  jest: { projectType: 'custom', configFile: 'jest.stryker.config.js', enableFindRelatedTests: false },
  coverageAnalysis: 'perTest',
  mutate: ['src/domain/**/*.ts'],
  ignorers: ['data-tables'],
  ignoreStatic: process.env.STRYKER_STATIC !== '1',
  concurrency: 2,
  timeoutMS: 5000,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
};

export default config;
