// @ts-check
/**
 * `npm test`: lint and the type-check side by side (on a two-core machine each leaves the other core idle), then
 * jest, which builds the bundle first when it is out of date (test/global-setup.js). Each check's output is shown
 * after it ends, so the two do not interleave; the first failure fails the run. Arguments go to jest:
 * `npm test -- test/domain`.
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
const checks = await Promise.all([npmRun('lint'), npmRun('typecheck')]);
for (const { script, status, output } of checks) {
  if (output) process.stdout.write(output);
  if (status !== 0) process.stderr.write(`npm run ${script} が失敗しました（終了コード ${status}）。\n`);
}
if (checks.some((c) => c.status !== 0)) process.exit(1);
const jest = await node('jest', [createRequire(import.meta.url).resolve('jest/bin/jest'), ...process.argv.slice(2)], true);
process.exit(jest.status ?? 1);
