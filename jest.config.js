/**
 * Jest strips the types with esbuild (test/esbuild-transform.js); type-checking is done once, by `tsc --noEmit`.
 * Jest's default is one worker fewer than the cores: on a two-core machine that is one, and the second core sits
 * idle while that worker waits on a CLI run or the browser. Every core runs a test file instead.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/test/esbuild-transform.js' },
  // One file for each instead of exceljs' ~150 modules and zod's ~60, made by test/global-setup.js: the same code,
  // loaded 2–3× faster in each test file.
  moduleNameMapper: {
    '^exceljs$': '<rootDir>/node_modules/.cache/houkatsu-test/exceljs.cjs',
    '^zod/mini$': '<rootDir>/node_modules/.cache/houkatsu-test/zod-mini.cjs',
  },
  maxWorkers: '100%',
  globalSetup: '<rootDir>/test/global-setup.js',
  setupFilesAfterEnv: ['<rootDir>/test/fast-equality.js'],
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  testTimeout: 60000,
};
