/**
 * A fast path for `toEqual`/`toStrictEqual` on large plain data (a year of a center's records read two ways):
 * jest's own recursive equality takes about a third of such a test. When node's strict deep equality already
 * holds, jest's looser equalities hold too, so the tester answers "equal" at once; otherwise it answers
 * "don't know" and jest compares (and prints its diff) as before. Values holding asymmetric matchers
 * (`expect.any`, `arrayContaining`) are never strictly equal to data, so they always reach jest's own rules.
 * Small values skip the fast path: for them jest is quick and the second comparison would only add work.
 */
const { isDeepStrictEqual } = require('node:util');
const { expect } = require('@jest/globals');

function isLarge(value) {
  return Array.isArray(value) ? value.length >= 20 : false;
}

expect.addEqualityTesters([
  function strictlyEqualFastPath(a, b) {
    if (!isLarge(a) || !isLarge(b)) return undefined;
    return isDeepStrictEqual(a, b) ? true : undefined;
  },
]);
