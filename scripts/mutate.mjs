// @ts-check
/**
 * `npm run mutate`: first one jest run over the tests Stryker uses, to list which file holds each test
 * (reports/stryker-test-files.json); then Stryker, whose jest loads only the files that hold a mutant's covering
 * tests (test/stryker/covering-files-sequencer.js). Arguments go to Stryker: `npm run mutate -- --mutate FILE`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const reports = join(root, 'reports');
mkdirSync(reports, { recursive: true });
const raw = join(reports, 'stryker-jest.json');
const listed = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '-c', 'jest.stryker.config.js', '--silent', '--json', '--outputFile', raw], {
  cwd: root,
  encoding: 'utf8',
});
if (listed.status !== 0) {
  process.stderr.write(listed.stderr ?? '');
  process.stderr.write('テストが通らないので変異テストを始めません（npx jest -c jest.stryker.config.js で確かめてください）。\n');
  process.exit(1);
}
/** @type {{ testResults: { name: string, assertionResults: { fullName: string }[] }[] }} */
const report = JSON.parse(readFileSync(raw, 'utf8'));
const byFile = Object.fromEntries(report.testResults.map((suite) => [relative(root, suite.name), suite.assertionResults.map((t) => t.fullName)]));
const list = join(reports, 'stryker-test-files.json');
writeFileSync(list, JSON.stringify(byFile));
const stryker = spawnSync(
  process.execPath,
  [join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js'), 'run', 'stryker.config.mjs', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, STRYKER_TEST_FILES: list },
  },
);
process.exit(stryker.status ?? 1);
