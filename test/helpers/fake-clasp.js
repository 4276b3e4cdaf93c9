#!/usr/bin/env node
/**
 * A stand-in for clasp (and for the test and build commands) in test/quality/deploy.test.ts: no network, no Google
 * account. Each run appends its arguments, as one JSON line, to FAKE_CLASP_LOG, and prints what clasp 3.4 prints
 * for the command (node_modules/@google/clasp/build/src/commands/*.js). Environment:
 *   FAKE_CLASP_FAIL         the command that fails (exit 1, clasp-like message on stderr): push, create-version, …,
 *                           or test-step / build-step for the test and build commands
 *   FAKE_CLASP_VERSION      the version number create-version reports (default 7)
 *   FAKE_CLASP_VERSION_LINE what create-version prints instead of "Created version N"
 *   FAKE_CLASP_DEPLOYMENTS  what list-deployments prints (default: the head deployment only)
 * Run as `node fake-clasp.js test-step` or `build-step`, it stands for `npm test` / `npm run build`.
 */
const { appendFileSync } = require('node:fs');

const args = process.argv.slice(2);
appendFileSync(process.env.FAKE_CLASP_LOG, `${JSON.stringify(args)}\n`);

// Global options come before the command: `--project <file>`.
let i = 0;
while (args[i] === '--project' || args[i] === '-P') i += 2;
const command = args[i];
const rest = args.slice(i + 1);
const option = (name) => {
  const at = rest.indexOf(name);
  return at < 0 ? undefined : rest[at + 1];
};

if (process.env.FAKE_CLASP_FAIL === command) {
  process.stderr.write(`Request failed with status code 403 (${command})\n`);
  process.exit(1);
}

const version = process.env.FAKE_CLASP_VERSION ?? '7';
switch (command) {
  case 'test-step':
  case 'build-step':
    break;
  case 'list-deployments':
    process.stdout.write(process.env.FAKE_CLASP_DEPLOYMENTS ?? 'Found 1 deployment.\n- AKfycbHEAD @HEAD \n');
    break;
  case 'push':
    process.stdout.write('Pushed 5 files at 12:00:00.\n└─ build/appsscript.json\n└─ build/Code.js\n');
    break;
  case 'create-version':
    process.stdout.write(`${process.env.FAKE_CLASP_VERSION_LINE ?? `Created version ${version}`}\n`);
    break;
  case 'create-deployment':
    process.stdout.write(`Deployed AKfycbNEW @${option('--versionNumber')}\n`);
    break;
  case 'update-deployment':
    process.stdout.write(`Redeployed ${rest[0]} @${option('--versionNumber')}\n`);
    break;
  default:
    process.stderr.write(`fake clasp: unknown command ${command}\n`);
    process.exit(1);
}
