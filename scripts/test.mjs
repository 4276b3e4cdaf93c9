// @ts-check
/**
 * `npm test`: lint, the type-check and jest side by side. On a two-core machine jest keeps both cores busy but for
 * its start and its last files, and lint and tsc fill those gaps: run one after the other they added their whole
 * time to the run (#21). Jest builds the bundle first when it is out of date (test/global-setup.js). Jest's output
 * is shown as it runs; lint's and tsc's after they end, so the three do not interleave. Any failure fails the run.
 * Arguments go to jest: `npm test -- test/domain`.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const npm = process.env.npm_execpath;
if (!npm) {
  process.stderr.write('npm test（npm run test）で実行してください。\n');
  process.exit(2);
}

/** Runs node with `args`, collecting its output unless `inherit`. */
function node(script, args, inherit = false) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => resolve({ script, status, output }));
  });
}

const npmRun = (script) => node(script, [npm, 'run', '--silent', script]);
const jestBin = createRequire(import.meta.url).resolve('jest/bin/jest');
const [jest, ...checks] = await Promise.all([node('jest', [jestBin, ...process.argv.slice(2)], true), npmRun('lint'), npmRun('typecheck')]);
for (const { script, status, output } of checks) {
  if (output) process.stdout.write(output);
  if (status !== 0) process.stderr.write(`npm run ${script} が失敗しました（終了コード ${status}）。\n`);
}
process.exit(checks.every((c) => c.status === 0) ? (jest.status ?? 1) : 1);
