/**
 * Under Stryker every property test runs for every mutant it covers, so a property of 2,000 runs costs a
 * thousand times over, and the corpus' three properties over random rows are most of the time of a mutant in
 * values/. Here each property runs at most 25 cases: the rules themselves are pinned by example tests, and a
 * mutant only a longer property run would catch still shows as a survivor, never as a false kill.
 */
const fc = require('fast-check');

const MAX_RUNS = 25;

for (const api of new Set([fc, fc.default])) {
  if (!api || typeof api.assert !== 'function') continue;
  const assert = api.assert;
  api.assert = (property, params) => assert(property, { ...params, numRuns: Math.min(params?.numRuns ?? MAX_RUNS, MAX_RUNS) });
}
