/**
 * Runs the demo once for the whole test run (test/helpers/demo.ts starts this script once; every test file that
 * needs the demo reads what it wrote): `houkatsu demo <dir>/json --json`. Its exit code and output go to
 * `<dir>/json.json`, written whole and renamed into place, so a reader that sees the file sees all of it.
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

function save(name, result) {
  writeFileSync(join(dir, `${name}.json.part`), JSON.stringify(result));
  renameSync(join(dir, `${name}.json.part`), join(dir, `${name}.json`));
}

(async () => {
  const out = join(dir, 'json');
  mkdirSync(out);
  save('json', { ...(await run(['demo', out, '--json'])), dir: out });
})();
