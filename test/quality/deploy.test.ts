import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run deploy` (scripts/deploy.mjs, #18 item 8) against a fake clasp (test/helpers/fake-clasp.js): no network,
 * no Google account. The test and build commands are replaced by one-line shell commands that only note that they
 * ran, so that the whole suite is not run from inside itself. Every run has its own directory (its .clasp files and
 * the log of what ran); the runs are independent processes, so they go side by side.
 */
const ROOT = join(__dirname, '..', '..');
const DEPLOY = join(ROOT, 'scripts', 'deploy.mjs');
const FAKE_CLASP = join(ROOT, 'test', 'helpers', 'fake-clasp.js');
const MESSAGE = '2026年4月 "月報" の様式を改定';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** What ran, in order: ['test'], ['build'], then each clasp call's arguments. */
  ran: string[][];
}

interface Options {
  env?: Record<string, string | undefined>;
  /** The .clasp files to write (null: leave it out); by default both, with distinct script IDs. */
  files?: Record<string, object | null>;
}

async function deploy(args: string[], { env = {}, files = {} }: Options = {}): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'houkatsu-deploy-'));
  const log = join(dir, 'ran.log');
  writeFileSync(log, '');
  const projectFiles: Record<string, object | null> = {
    '.clasp.json': { scriptId: 'center-script-id', rootDir: 'build' },
    '.clasp-city.json': { scriptId: 'city-script-id', rootDir: 'build-city' },
    ...files,
  };
  for (const [name, content] of Object.entries(projectFiles)) if (content) writeFileSync(join(dir, name), JSON.stringify(content));
  // Whatever the shell running jest has set for npm or for these scripts stays out.
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_config_|HOUKATSU_|FAKE_CLASP_)/i.test(key)));
  const step = (name: string) => `echo ${name}>> "${log}"${env[`FAIL_${name}`] ? ' && exit 3' : ''}`;
  const childEnv: Record<string, string | undefined> = {
    ...base,
    HOUKATSU_CLASP: FAKE_CLASP,
    HOUKATSU_DEPLOY_TEST_CMD: step('test'),
    HOUKATSU_DEPLOY_BUILD_CMD: step('build'),
    FAKE_CLASP_LOG: log,
    ...env,
  };
  for (const [key, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[key];
  const child = spawn(process.execPath, [DEPLOY, ...args], { cwd: dir, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const ran = readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (line.startsWith('[') ? (JSON.parse(line) as string[]) : [line.trim()]));
  rmSync(dir, { recursive: true, force: true });
  return { status, stdout, stderr, ran };
}

const center = (...args: string[]) => ['--project', '.clasp.json', ...args];
const HEAD_AND_ONE = 'Found 2 deployments.\n- AKfycbHEAD @HEAD \n- AKfycbLIVE @11 - 2026年3月の版\n';

describe('npm run deploy', () => {
  test.concurrent('runs the tests first, then builds, checks the deployments, pushes, makes a version with the message and deploys that version', async () => {
    const run = await deploy(['--message', MESSAGE]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.ran).toEqual([
      ['test'],
      ['build'],
      center('list-deployments'),
      center('push', '--force'),
      center('create-version', MESSAGE),
      // No deployment with a version yet (only the head deployment): a new one, at the number clasp reported.
      center('create-deployment', '--versionNumber', '7', '--description', MESSAGE),
    ]);
    // Every step is announced in Japanese before it runs: its heading comes before what the step printed.
    const headings = [...run.stdout.matchAll(/^▶ \[(\d)\/6\] (.+?)(?:（.*）)?$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings).toEqual([
      '1 テストを実行します',
      '2 build/ をビルドします',
      '3 今あるデプロイを確かめます',
      '4 build/ を Apps Script に送ります',
      '5 版を作ります',
      '6 版 7 のデプロイを新しく作ります',
    ]);
    const at = (text: string) => run.stdout.indexOf(text);
    expect(at('▶ [4/6]')).toBeLessThan(at('Pushed 5 files'));
    expect(at('Pushed 5 files')).toBeLessThan(at('▶ [5/6]'));
    expect(at('▶ [5/6]')).toBeLessThan(at('→ 版 7'));
    expect(run.stdout).toContain('$ echo build>>');
    expect(run.stdout).toMatch(/✔ 完了: .*版 7.*AKfycbNEW/);
    expect(run.stdout).toContain('版の番号を 7 にして保存');
  });

  test.concurrent('--target city sends build-city/ with .clasp-city.json, and moves the one deployment that has a version to the new version', async () => {
    const run = await deploy(['--target', 'city', '--message=集計の再開を修正'], {
      // clasp 2 ended the line with a period; either is read.
      env: { FAKE_CLASP_DEPLOYMENTS: HEAD_AND_ONE, FAKE_CLASP_VERSION_LINE: 'Created version 12.' },
    });
    expect(run.status).toBe(0);
    const city = (...args: string[]) => ['--project', '.clasp-city.json', ...args];
    expect(run.ran).toEqual([
      ['test'],
      ['build'],
      city('list-deployments'),
      city('push', '--force'),
      city('create-version', '集計の再開を修正'),
      city('update-deployment', 'AKfycbLIVE', '--versionNumber', '12', '--description', '集計の再開を修正'),
    ]);
    expect(run.stdout).toContain('デプロイ AKfycbLIVE を新しい版にします');
    expect(run.stdout).toContain('build-city/');
  });

  test.concurrent('more than one deployment with a version: stops before anything is sent and asks for --deployment-id', async () => {
    const run = await deploy(['--message', MESSAGE], { env: { FAKE_CLASP_DEPLOYMENTS: `${HEAD_AND_ONE}- AKfycbOTHER @9 - 試し\n` } });
    expect(run.status).toBe(1);
    expect(run.ran).toEqual([['test'], ['build'], center('list-deployments')]);
    expect(run.stderr).toContain('「デプロイの確認」で止まりました');
    expect(run.stderr).toContain('--deployment-id');
    expect(run.stderr).toContain('AKfycbOTHER');
  });

  // A failing step: the steps after it do not run, the message names the step in Japanese and says what to do.
  test.concurrent.each<{ fail: string; args?: string[]; env: Record<string, string>; ran: number; says: string[] }>([
    { fail: 'npm test', env: { FAIL_test: '1' }, ran: 1, says: ['「テスト」で止まりました', '何も送っていません'] },
    { fail: 'clasp push', env: { FAKE_CLASP_FAIL: 'push' }, ran: 4, says: ['「push」で止まりました', '版もデプロイもまだ作っていません', 'npx clasp login'] },
    {
      // --deployment-id names the deployment: clasp is not asked for the list.
      fail: 'clasp update-deployment',
      args: ['--deployment-id', 'AKfycbLIVE'],
      env: { FAKE_CLASP_FAIL: 'update-deployment' },
      ran: 5,
      says: ['「デプロイ」で止まりました', '版 7 はできました', `update-deployment AKfycbLIVE --versionNumber 7 --description ${JSON.stringify(MESSAGE)}`],
    },
  ])('a failing $fail stops the rest with a Japanese message', async ({ args = [], env, ran, says }) => {
    const run = await deploy(['--message', MESSAGE, ...args], { env });
    expect(run.status).not.toBe(0);
    expect(run.ran).toHaveLength(ran);
    expect(run.ran.some((call) => call.includes('list-deployments'))).toBe(args.length === 0 && ran > 2);
    for (const words of says) expect(run.stderr).toContain(words);
    expect(run.stdout).not.toContain('✔ 完了');
  });

  test.concurrent('a version number it cannot read stops before the deployment, saying how to go on', async () => {
    const run = await deploy(['--message', MESSAGE], { env: { FAKE_CLASP_VERSION_LINE: 'Done.' } });
    expect(run.status).toBe(1);
    expect(run.ran.at(-1)).toEqual(center('create-version', MESSAGE));
    expect(run.stderr).toContain('版の番号を読めませんでした');
    expect(run.stderr).toContain('list-versions');
  });

  // Refused before anything runs, the tests included: exit code 2, and the log stays empty.
  test.concurrent.each<{ why: string; args: string[]; says: string; env?: Record<string, string>; files?: Record<string, object | null> }>([
    { why: 'no --message', args: [], says: '--message で、この版の説明' },
    { why: '--message followed by another flag', args: ['--message', '--dry-run'], says: '--message で、この版の説明' },
    {
      why: '--target given to npm, not to the script',
      args: ['--message', MESSAGE],
      env: { npm_config_target: 'city' },
      says: '--target が npm に渡っています',
    },
    {
      why: '--target with no value (it would otherwise fall back to the center)',
      args: ['--message', MESSAGE, '--target'],
      says: 'center か city です（値がありません）',
    },
    { why: 'an unknown argument', args: ['--message', MESSAGE, '--force'], says: '知らない引数です: --force' },
    {
      why: 'no .clasp-city.json',
      args: ['--message', MESSAGE, '--target', 'city'],
      files: { '.clasp-city.json': null },
      says: '.clasp-city.json がありません',
    },
    {
      why: 'the sample script ID',
      args: ['--message', MESSAGE],
      files: { '.clasp.json': { scriptId: 'PUT-YOUR-SCRIPT-ID-HERE', rootDir: 'build' } },
      says: 'まだ見本のまま',
    },
    {
      why: 'a project file that sends the other build',
      args: ['--message', MESSAGE, '--target', 'city'],
      files: { '.clasp-city.json': { scriptId: 'city-script-id', rootDir: 'build' } },
      says: '"rootDir": "build-city"',
    },
    {
      why: 'the same script ID for the center and the city',
      args: ['--message', MESSAGE],
      files: { '.clasp-city.json': { scriptId: 'center-script-id', rootDir: 'build-city' } },
      says: 'スクリプト ID が同じです',
    },
  ])('refuses $why before running anything', async ({ args, env, files, says }) => {
    const run = await deploy(args, { env: env ?? {}, files: files ?? {} });
    expect(run.status).toBe(2);
    expect(run.ran).toEqual([]);
    expect(run.stderr).toContain('デプロイを始めませんでした');
    expect(run.stderr).toContain(says);
  });

  test.concurrent('--dry-run shows every command, the real defaults included, and runs none of them', async () => {
    const run = await deploy(['--message', MESSAGE, '--dry-run'], {
      env: { HOUKATSU_DEPLOY_TEST_CMD: undefined, HOUKATSU_DEPLOY_BUILD_CMD: undefined, HOUKATSU_CLASP: undefined },
      files: { '.clasp.json': { scriptId: 'PUT-YOUR-SCRIPT-ID-HERE', rootDir: 'build' } },
    });
    expect(run.status).toBe(0);
    expect(run.ran).toEqual([]);
    const commands = [...run.stdout.matchAll(/^ {2}\$ (.+)$/gm)].map((m) => m[1]);
    expect(commands).toEqual([
      'npm test',
      'npm run build',
      'npx clasp --project .clasp.json list-deployments',
      'npx clasp --project .clasp.json push --force',
      `npx clasp --project .clasp.json create-version ${JSON.stringify(MESSAGE)}`,
      `npx clasp --project .clasp.json update-deployment <デプロイID> --versionNumber <版番号> --description ${JSON.stringify(MESSAGE)}`,
      `npx clasp --project .clasp.json create-deployment --versionNumber <版番号> --description ${JSON.stringify(MESSAGE)}`,
    ]);
    expect(run.stdout).toContain('scriptId がまだ見本のまま');
  });

  test.concurrent('--dry-run that npm took for itself (npm run deploy --dry-run -- …) is still a dry run', async () => {
    const run = await deploy(['--message', MESSAGE], { env: { npm_config_dry_run: 'true' } });
    expect(run.status).toBe(0);
    expect(run.ran).toEqual([]);
    expect(run.stdout).toContain('npm に渡った --dry-run');
  });
});

describe('docs/deploy.md', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'deploy.md'), 'utf8');
  const listed = (manifest: string): string[] => {
    const marker = `<!-- scopes: ${manifest} -->`;
    expect(doc).toContain(marker);
    const block = /```text\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf(marker)))?.[1] ?? '';
    return block.split('\n').filter((line) => line.trim() !== '');
  };

  test.each(['appsscript.json', 'appsscript-city.json'])('lists exactly the oauthScopes of %s, for the consent screen and the Marketplace SDK', (manifest) => {
    const scopes = (JSON.parse(readFileSync(join(ROOT, manifest), 'utf8')) as { oauthScopes: string[] }).oauthScopes;
    expect(listed(manifest).sort()).toEqual([...scopes].sort());
  });

  test('the staff member’s path names the menu item the add-on really adds, and the command it documents exists', () => {
    expect(doc).toContain('「拡張機能 › 包括支援 › シートを準備」');
    const onOpen = readFileSync(join(ROOT, 'src', 'gas', 'main.ts'), 'utf8').match(/export function onOpen[\s\S]*?\n}/)?.[0] ?? '';
    expect(onOpen).toContain(".addItem('シートを準備'");
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.deploy).toBe('node scripts/deploy.mjs');
  });
});
