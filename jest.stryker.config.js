/**
 * The jest configuration Stryker runs (`npm run mutate`): the domain, corpus and workbook tests, the ones that
 * exercise `src/domain` without the built bundle (the workbook jobs run the domain's rules over an in-memory
 * port: receipts, the 提出用ファイル rules and the submission store are tested there). The vm, ui and CLI suites
 * need the bundle (the global setup) or real files and take a minute each run, so they are left out: a mutant of a
 * domain rule has to be killed by one of these.
 * Property tests run at most 25 cases each (test/stryker/fewer-property-runs.js), and only the files that hold a
 * mutant's covering tests are loaded (test/stryker/covering-files-sequencer.js), and the rest of a mutant's run is
 * skipped once a test has failed for it (test/stryker/bail-environment.js).
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/domain', '<rootDir>/test/corpus', '<rootDir>/test/workbook'],
  globalSetup: undefined,
  // The packages as installed: the bundled copies are made by the global setup, which does not run here.
  moduleNameMapper: {},
  reporters: ['default'],
  setupFiles: [...(base.setupFiles ?? []), '<rootDir>/test/stryker/fewer-property-runs.js'],
  testSequencer: '<rootDir>/test/stryker/covering-files-sequencer.js',
  // A path, not <rootDir>: Stryker's runner loads the environment itself to wrap it, and does not expand <rootDir>.
  testEnvironment: require('node:path').join(__dirname, 'test', 'stryker', 'bail-environment.js'),
};
