/**
 * Under Stryker, jest loads only the test files that hold a mutant's covering tests.
 *
 * For each mutant Stryker runs jest with `--testNamePattern` naming the tests that cover it, over every test file
 * that imports the mutated module: nearly all of them for a module of values/. Jest loads each file to find that
 * none of its tests match, and loading is most of a mutant's time (about 10 s a mutant for 65 files). This
 * sequencer keeps the files where a test matches the same pattern, from the list of tests per file that
 * `npm run mutate` writes before Stryker starts (scripts/mutate.mjs). Jest would have skipped every test of the
 * other files, so the tests run, and so the result, are the same. Without the list or a pattern (the dry run),
 * or when no file matches, every file runs.
 */
const Sequencer = require('@jest/test-sequencer').default;
const { existsSync, readFileSync } = require('node:fs');
const { relative } = require('node:path');

/** Test file (relative to the project) → the full names of its tests; the path comes from scripts/mutate.mjs. */
function testsByFile() {
  const list = process.env.STRYKER_TEST_FILES;
  if (!list || !existsSync(list)) return undefined;
  return new Map(Object.entries(JSON.parse(readFileSync(list, 'utf8'))));
}

class CoveringFilesSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.pattern = options?.globalConfig?.testNamePattern;
  }

  sort(tests) {
    const sorted = super.sort(tests);
    if (!this.pattern || sorted.length === 0) return sorted;
    const byFile = testsByFile();
    if (!byFile) return sorted;
    const pattern = new RegExp(this.pattern, 'i');
    const kept = sorted.filter((test) => {
      const names = byFile.get(relative(test.context.config.rootDir, test.path));
      // A file the list does not know (added since) runs, as it would have.
      return names === undefined || names.some((name) => pattern.test(name));
    });
    return kept.length > 0 ? kept : sorted;
  }
}

module.exports = CoveringFilesSequencer;
