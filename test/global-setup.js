/**
 * The vm, ui and CLI tests run the real build output, so a jest run builds it first (about a second), unless the
 * output is newer than everything it is built from: `npm test` has just built it, and a run of domain tests
 * alone should not wait for esbuild. A directory's time changes when a file is added or removed in it.
 */
const { execFileSync } = require('node:child_process');
const { mkdtempSync, readdirSync, statSync } = require('node:fs');
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

module.exports = async function globalSetup() {
  // The folder of this test run, where the first test that needs the demo runs it for all (test/helpers/demo.ts)
  // and the first browser test starts the run's Chromium (test/ui/harness.ts), which stops when this process is
  // gone; the workers inherit this process's environment.
  process.env.HOUKATSU_TEST_DEMO_DIR = mkdtempSync(join(tmpdir(), 'houkatsu-test-demo-'));
  process.env.HOUKATSU_TEST_MAIN_PID = String(process.pid);
  const source = Math.max(...SOURCES.map((path) => newest(join(ROOT, path))));
  if (oldestOutput() > source) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
};
