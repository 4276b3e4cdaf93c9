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
 * exceljs as one file for the tests (jest.config.js maps `exceljs` to it). Jest loads a test file's modules afresh
 * for every file, resolving and compiling each of exceljs' ~150 modules again: 0.3 s for each of the 23 files that
 * use it. Bundled by esbuild, the same code loads in 0.1 s. Built again when the installed exceljs changes.
 */
const EXCELJS_BUNDLE = join(ROOT, 'node_modules', '.cache', 'houkatsu-test', 'exceljs.cjs');

function bundleExcelJs() {
  if (newest(EXCELJS_BUNDLE) > newest(join(ROOT, 'node_modules', 'exceljs', 'package.json'))) return;
  mkdirSync(join(EXCELJS_BUNDLE, '..'), { recursive: true });
  require('esbuild').buildSync({
    stdin: { contents: "module.exports = require('exceljs');", resolveDir: ROOT },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: EXCELJS_BUNDLE,
    logLevel: 'warning',
  });
}

module.exports = async function globalSetup() {
  bundleExcelJs();
  // The folder of this test run, where the first test that needs the demo runs it for all (test/helpers/demo.ts)
  // and the first browser test starts the run's Chromium (test/ui/harness.ts), which stops when this process is
  // gone; the workers inherit this process's environment.
  process.env.HOUKATSU_TEST_DEMO_DIR = mkdtempSync(join(tmpdir(), 'houkatsu-test-demo-'));
  process.env.HOUKATSU_TEST_MAIN_PID = String(process.pid);
  const source = Math.max(...SOURCES.map((path) => newest(join(ROOT, path))));
  if (oldestOutput() > source) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
};
