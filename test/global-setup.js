/**
 * The vm, ui and CLI tests run the real build output, so a jest run builds it first (about a second), unless the
 * output is newer than everything it is built from: `npm test` has just built it, and a run of domain tests
 * alone should not wait for esbuild. A directory's time changes when a file is added or removed in it.
 */
const { execFileSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, readdirSync, statSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const SOURCES = ['src', 'bench', 'scripts/build.mjs', 'appsscript.json', 'appsscript-city.json', 'package.json'];
const OUTPUTS = ['build/Code.js', 'build-city/Code.js', 'dist/cli.js'];

function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function oldestOutput() {
  try {
    return Math.min(...OUTPUTS.map((path) => statSync(join(ROOT, path)).mtimeMs));
  } catch {
    return 0;
  }
}

/**
 * exceljs and zod/mini as one file each for the tests (jest.config.js maps the imports to them). Jest loads a test
 * file's modules afresh for every file, resolving and compiling each module of a package again: exceljs' ~150
 * modules cost 0.3 s in each of the 23 files that use it, zod's 60 ms in each of ~100. Bundled by esbuild, the same
 * code loads in 0.1 s and 30 ms. zod/mini is bundled from the names it exports but its 40 locales, which it only
 * offers (the add-on's bundle leaves them out too). Each is built again when the installed package changes.
 */
const BUNDLES = join(ROOT, 'node_modules', '.cache', 'houkatsu-test');
const DEPENDENCIES = [
  { file: 'exceljs.cjs', pkg: 'exceljs', entry: () => "module.exports = require('exceljs');" },
  {
    file: 'zod-mini.cjs',
    pkg: 'zod',
    entry: () => {
      const names = Object.keys(require('zod/mini')).filter((name) => name !== 'locales' && name !== 'default' && name !== '__esModule');
      return `export { ${names.join(', ')} } from 'zod/mini';`;
    },
  },
];

function bundleDependencies() {
  for (const { file, pkg, entry } of DEPENDENCIES) {
    const out = join(BUNDLES, file);
    if (newest(out) > newest(join(ROOT, 'node_modules', pkg, 'package.json'))) continue;
    mkdirSync(BUNDLES, { recursive: true });
    require('esbuild').buildSync({
      stdin: { contents: entry(), resolveDir: ROOT, loader: 'js' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: out,
      logLevel: 'warning',
    });
  }
}

module.exports = async function globalSetup() {
  bundleDependencies();
  // The folder of this test run, where the first test that needs the demo runs it for all (test/helpers/demo.ts)
  // and the first browser test starts the run's Chromium (test/ui/harness.ts), which stops when this process is
  // gone; the workers inherit this process's environment.
  process.env.HOUKATSU_TEST_DEMO_DIR = mkdtempSync(join(tmpdir(), 'houkatsu-test-demo-'));
  process.env.HOUKATSU_TEST_MAIN_PID = String(process.pid);
  const source = Math.max(...SOURCES.map((path) => newest(join(ROOT, path))));
  if (oldestOutput() > source) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
};
