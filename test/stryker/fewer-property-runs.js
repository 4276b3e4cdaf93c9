/**
 * Under Stryker every property test runs for every mutant it covers, so a property of 2,000 runs costs a
 * thousand times over. Here each property runs at most 100 cases (fast-check's default): enough to catch a
 * broken rule, and a mutant it misses still shows as a survivor, never as a false kill.
 */
const fc = require('fast-check');

const MAX_RUNS = 100;

for (const api of new Set([fc, fc.default])) {
  if (!api || typeof api.assert !== 'function') continue;
  const assert = api.assert;
  api.assert = (property, params) => assert(property, { ...params, numRuns: Math.min(params?.numRuns ?? MAX_RUNS, MAX_RUNS) });
}
