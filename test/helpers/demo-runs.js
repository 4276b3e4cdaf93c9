/**
 * Runs the demo for the whole test run (test/helpers/demo.ts starts this script once; every test file that needs
 * the demo reads what it wrote): `houkatsu demo <dir>/json --json` and `houkatsu demo <dir>/summary` side by
 * side, then `<dir>/runs.json` with each run's exit code and output. runs.json is written last and renamed into
 * place, so a reader that sees it sees the whole of it.
 *
 * Usage: node demo-runs.js CLI DIR
 */
const { spawn } = require('node:child_process');
const { mkdirSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Buffer } = require('node:buffer');

const [cli, dir] = process.argv.slice(2);

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', (e) => resolve({ status: null, stdout: '', stderr: String(e) }));
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

(async () => {
  const jsonDir = join(dir, 'json');
  const summaryDir = join(dir, 'summary');
  mkdirSync(jsonDir);
  mkdirSync(summaryDir);
  const [json, summary] = await Promise.all([run(['demo', jsonDir, '--json']), run(['demo', summaryDir])]);
  writeFileSync(join(dir, 'runs.json.part'), JSON.stringify({ json: { ...json, dir: jsonDir }, summary: { ...summary, dir: summaryDir } }));
  renameSync(join(dir, 'runs.json.part'), join(dir, 'runs.json'));
})();
