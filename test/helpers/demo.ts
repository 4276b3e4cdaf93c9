import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built runner (global-setup builds it before any test runs). */
export const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a built script (dist/) in its own node process without blocking the test process, so runs share the cores. */
export function runScript(script: string, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** The built runner, `houkatsu …args`, as a user runs it. */
export function runCli(...args: string[]): Promise<CliRun> {
  return runScript(CLI, ...args);
}

/** `houkatsu demo <dir> --json`, and the folder it wrote. */
export type DemoRun = CliRun & { readonly dir: string };

/** Set by test/global-setup.js: an empty folder of this test run, where the demo is run once for every test file. */
export const SHARED_DEMO_ENV = 'HOUKATSU_TEST_DEMO_DIR';

let started = false;

/**
 * The demo, run once per test run and read by every test that needs its output (demo, consolidate, LibreOffice).
 * It writes a year of four centers' workbooks, so it is the slowest thing the tests run, and it runs once (#21).
 * The first test file to ask starts it (an atomic mkdir decides which), in its own process so that the other jest
 * worker goes on; the rest wait for its results. Without the shared folder (jest started with another
 * configuration) the process runs it for itself. Tests must not change its files: copy them first.
 */
function demoRun(): Promise<DemoRun> {
  const dir = (process.env[SHARED_DEMO_ENV] ??= mkdtempSync(join(tmpdir(), 'demo-runs-')));
  if (!started) {
    started = true;
    try {
      mkdirSync(join(dir, 'started'));
      spawn(process.execPath, [join(__dirname, 'demo-runs.js'), CLI, dir], { stdio: 'ignore', detached: true }).unref();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const done = join(dir, 'json.json');
  return (async () => {
    const deadline = Date.now() + 170_000;
    while (!existsSync(done)) {
      if (Date.now() > deadline) throw new Error(`the demo did not finish in ${dir}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return JSON.parse(readFileSync(done, 'utf8')) as DemoRun;
  })();
}

/** `houkatsu demo … --json`, whose workbooks the other tests read. */
export function demoJsonRun(): Promise<DemoRun> {
  return demoRun();
}
