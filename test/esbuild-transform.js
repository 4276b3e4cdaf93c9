/**
 * Jest's TypeScript transform: esbuild strips the types (tsc --noEmit checks them once, in `npm run typecheck`).
 * It is the compiler the build uses already, and much faster than ts-jest, which loads TypeScript in every
 * worker; the tests import nothing that needs the type checker (no const enums, no jest.mock hoisting).
 */
const { transformSync } = require('esbuild');
const { createHash } = require('node:crypto');
const { version } = require('esbuild/package.json');

const OPTIONS = { loader: 'ts', format: 'cjs', target: 'node20', sourcemap: 'inline', charset: 'utf8' };

module.exports = {
  process(source, filename) {
    return { code: transformSync(source, { ...OPTIONS, sourcefile: filename }).code };
  },
  getCacheKey(source, filename) {
    return createHash('sha256')
      .update(`${version}\0${JSON.stringify(OPTIONS)}\0${filename}\0${source}`)
      .digest('hex');
  },
};
