import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
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

export interface DemoRuns {
  /** `houkatsu demo <json.dir> --json`. */
  readonly json: CliRun & { readonly dir: string };
  /** `houkatsu demo <summary.dir>`: the same seed again, in another folder, with the human summary. */
  readonly summary: CliRun & { readonly dir: string };
}

let runs: Promise<DemoRuns> | undefined;

/**
 * The demo, run once per test process and read by every test that needs its output. It writes a year of four
 * centers' workbooks, so it is the slowest thing the tests run: twice (the second run is what shows the same
 * seed gives the same result in another folder, and it is also the default human summary), side by side.
 */
export function demoRuns(): Promise<DemoRuns> {
  runs ??= (async () => {
    const jsonDir = mkdtempSync(join(tmpdir(), 'demo-json-'));
    const summaryDir = mkdtempSync(join(tmpdir(), 'demo-summary-'));
    const [json, summary] = await Promise.all([runCli('demo', jsonDir, '--json'), runCli('demo', summaryDir)]);
    return { json: { ...json, dir: jsonDir }, summary: { ...summary, dir: summaryDir } };
  })();
  return runs;
}
