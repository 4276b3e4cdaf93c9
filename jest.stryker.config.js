/**
 * The jest configuration Stryker runs (`npm run mutate`): only the domain and corpus tests, which are the ones that
 * exercise `src/domain`. The vm, ui and CLI suites need the built bundle (the global setup) and take a minute each
 * run, so they are left out: a mutant of a domain rule has to be killed by a domain or corpus test.
 * Property tests run at most 100 cases each (test/stryker/fewer-property-runs.js).
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/domain', '<rootDir>/test/corpus'],
  globalSetup: undefined,
  reporters: ['default'],
  setupFiles: [...(base.setupFiles ?? []), '<rootDir>/test/stryker/fewer-property-runs.js'],
};
