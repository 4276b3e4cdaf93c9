/**
 * Under Stryker, once a test has failed for the active mutant, the remaining tests of that run are skipped.
 *
 * A mutant is killed by its first failing test; Stryker cannot tell jest to stop there (its jest runner forces
 * `bail: false`), so a mutant of a module every test uses (text, fields, tables) ran all of its hundreds of
 * covering tests, property tests included, even when the first one already failed. The module-level `failedFor`
 * lives as long as the jest worker, across test files, and names the mutant it is about, so the next mutant's
 * run starts clean. Outside a mutant run (the dry run, plain jest) nothing is skipped.
 */
const { TestEnvironment } = require('jest-environment-node');

const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';
let failedFor;

class BailEnvironment extends TestEnvironment {
  async handleTestEvent(event, state) {
    await super.handleTestEvent?.(event, state);
    const mutant = process.env[ACTIVE_MUTANT];
    if (mutant === undefined) return;
    if (event.name === 'test_done' && event.test.errors.length > 0) failedFor = mutant;
    // jest-circus checks the mode right after this event: a skipped test runs neither its hooks nor its body.
    if (event.name === 'test_start' && failedFor === mutant) event.test.mode = 'skip';
  }
}

module.exports = BailEnvironment;
