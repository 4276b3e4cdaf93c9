// @ts-check
/**
 * `npm run deploy -- --message "…" [--target center|city] [--deployment-id ID] [--dry-run]` (#18 item 8): a
 * versioned deployment of one Apps Script project, so that a city distributes a numbered version (through its
 * private Marketplace listing, docs/deploy.md) instead of asking every center to run clasp.
 *
 * The steps, each announced in Japanese before it runs, and the first failure stops the rest:
 *   1. `npm test`                      (HOUKATSU_DEPLOY_TEST_CMD replaces it, for test/quality/deploy.test.ts)
 *   2. `npm run build`                 (HOUKATSU_DEPLOY_BUILD_CMD replaces it)
 *   3. `clasp list-deployments`        which deployment to move: the one deployment with a version; none → a new one
 *                                      (skipped when --deployment-id names it; more than one → refused, before push)
 *   4. `clasp push --force`            --force: the manifest in the repository is the one to send. Without it clasp,
 *                                      when its output is not a terminal, skips the whole push if appsscript.json
 *                                      changed ("Skipping push.") and the version would be cut from the old code.
 *   5. `clasp create-version "<message>"`   the version number is read from its output ("Created version 7")
 *   6. `clasp update-deployment <id> --versionNumber 7 --description "<message>"` (or create-deployment)
 *
 * The project: the center's add-on by default (.clasp.json, rootDir build), the city's with --target city
 * (.clasp-city.json, rootDir build-city); both files are read from the current directory, the repository root
 * under `npm run`. clasp is node_modules' @google/clasp, or HOUKATSU_CLASP (a .js file is run with node).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** @typedef {{ key: string, label: string, projectFile: string, rootDir: string }} Target */
/** @type {Record<string, Target>} */
const TARGETS = {
  center: { key: 'center', label: 'センター用（アドオン）', projectFile: '.clasp.json', rootDir: 'build' },
  city: { key: 'city', label: '市用', projectFile: '.clasp-city.json', rootDir: 'build-city' },
};

const USAGE = `使い方: npm run deploy -- --message "変更の説明" [--target center|city] [--deployment-id デプロイID] [--dry-run]
  --message        版とデプロイに付ける説明（必須）。例: --message "2026年4月 月報の様式を改定"
  --target         center（既定。.clasp.json → build/）か city（.clasp-city.json → build-city/）
  --deployment-id  新しい版にするデプロイ。省略すると、版のあるデプロイが 1 つならそれを、なければ新しく作る
  --dry-run        実行するコマンドを表示するだけで、何も実行しない
引数は必ず -- の後ろに書いてください（npm run deploy --dry-run のように前に書くと npm が受け取ります）。`;

/** Stops before any step has run: exit code 2. */
function refuse(/** @type {string} */ message) {
  process.stderr.write(`\nデプロイを始めませんでした: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

/** Stops after a failed step: exit code 1. */
function fail(/** @type {string} */ step, /** @type {string} */ message) {
  process.stderr.write(`\n✖「${step}」で止まりました。${message}\n`);
  process.exit(1);
}

function parseArgs(/** @type {string[]} */ argv) {
  /** @type {{ message?: string | null, target?: string | null, deploymentId?: string | null, dryRun: boolean, help: boolean }} */
  const options = { dryRun: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = /** @type {string} */ (argv[i]);
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    // A flag's value is the next argument, unless that is another flag (`--message --dry-run` forgot the text): null.
    const value = () => {
      if (eq > 0) return arg.slice(eq + 1);
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return null;
      i++;
      return next;
    };
    if (flag === '--message' || flag === '-m') options.message = value();
    else if (flag === '--target' || flag === '-t') options.target = value();
    else if (flag === '--deployment-id') options.deploymentId = value();
    else if (flag === '--dry-run') options.dryRun = true;
    else if (flag === '--help' || flag === '-h') options.help = true;
    else refuse(`知らない引数です: ${arg}`);
  }
  return options;
}

/** How a command is shown: each argument quoted when it holds a space or a quote. */
function shown(/** @type {string[]} */ args) {
  return args.map((a) => (/[\s"'`$]/.test(a) || a === '' ? JSON.stringify(a) : a)).join(' ');
}

/** The clasp to run, and how to show it: `npx clasp` unless HOUKATSU_CLASP names another. */
function claspCommand() {
  const override = process.env.HOUKATSU_CLASP;
  if (override) return { run: /\.[cm]?js$/.test(override) ? [process.execPath, resolve(override)] : [override], show: [override] };
  const pkgDir = join(REPO, 'node_modules', '@google', 'clasp');
  let bin;
  try {
    bin = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).bin.clasp;
  } catch {
    refuse('clasp（@google/clasp）が入っていません。先に npm ci を実行してください。');
  }
  return { run: [process.execPath, join(pkgDir, bin)], show: ['npx', 'clasp'] };
}

/** The .clasp file of the target: present, pointing at the target's build directory, with a real script ID. */
function readProject(/** @type {Target} */ target, /** @type {boolean} */ dryRun) {
  const file = resolve(target.projectFile);
  if (!existsSync(file)) {
    refuse(
      `${target.projectFile} がありません。${target.label}の Apps Script プロジェクトのスクリプト ID を書いた ${target.projectFile} を作ってください:\n` +
        `  {"scriptId": "スクリプト ID", "rootDir": "${target.rootDir}"}\n（スクリプト ID は Apps Script エディタの「プロジェクトの設定」にあります。docs/deploy.md）`,
    );
  }
  /** @type {{ scriptId?: unknown, rootDir?: unknown, srcDir?: unknown }} */
  let config = {};
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    refuse(`${target.projectFile} を JSON として読めません（${error instanceof Error ? error.message : error}）。`);
  }
  const dir = String(config.srcDir ?? config.rootDir ?? '.');
  if (resolve(dirname(file), dir) !== resolve(dirname(file), target.rootDir)) {
    refuse(
      `${target.projectFile} の rootDir が "${dir}" です。${target.label}は ${target.rootDir}/ を送るので、"rootDir": "${target.rootDir}" にしてください。`,
    );
  }
  const scriptId = typeof config.scriptId === 'string' ? config.scriptId.trim() : '';
  const placeholder = scriptId === '' || scriptId.startsWith('PUT-');
  if (placeholder && !dryRun) {
    refuse(
      `${target.projectFile} の scriptId がまだ見本のまま（"${scriptId}"）です。${target.label}の Apps Script プロジェクトのスクリプト ID を書いてください（docs/deploy.md）。`,
    );
  }
  for (const other of Object.values(TARGETS)) {
    if (other === target || placeholder || !existsSync(resolve(other.projectFile))) continue;
    let otherId;
    try {
      otherId = JSON.parse(readFileSync(resolve(other.projectFile), 'utf8')).scriptId;
    } catch {
      continue;
    }
    if (otherId === scriptId) {
      refuse(
        `${target.projectFile} と ${other.projectFile} のスクリプト ID が同じです。センター用と市用は別の Apps Script プロジェクトです（同じだと、片方のコードでもう片方を上書きします）。`,
      );
    }
  }
  return { file: target.projectFile, scriptId, placeholder };
}

/** Runs a step. `shell`: a command line (test, build); otherwise argv. clasp's output is captured to be read. */
function run(/** @type {{ shell?: string, argv?: string[], capture?: boolean }} */ how) {
  const result = how.shell
    ? spawnSync(how.shell, { shell: true, stdio: 'inherit' })
    : spawnSync(/** @type {string[]} */ (how.argv)[0] ?? '', /** @type {string[]} */ (how.argv).slice(1), {
        stdio: ['inherit', how.capture ? 'pipe' : 'inherit', 'inherit'],
        encoding: 'utf8',
      });
  const stdout = typeof result.stdout === 'string' ? result.stdout : '';
  if (stdout) process.stdout.write(stdout);
  if (result.error) process.stderr.write(`起動できませんでした: ${result.error.message}（HOUKATSU_CLASP などを確かめてください）\n`);
  return { ok: !result.error && result.status === 0, status: result.status, error: result.error, stdout };
}

/** "Created version 7" (clasp 3; clasp 2 ended it with a period), or clasp --json's {"versionNumber": 7}. */
function versionFrom(/** @type {string} */ output) {
  const m = /Created version (\d+)/i.exec(output) ?? /"versionNumber"\s*:\s*(\d+)/.exec(output);
  return m ? Number(m[1]) : undefined;
}

/** clasp list-deployments' lines "- <id> @<version> - <description>" ("@HEAD" for the head deployment). */
function deploymentsFrom(/** @type {string} */ output) {
  return [...output.matchAll(/^- (\S+) @(\d+|HEAD)\b(.*)$/gm)].map((m) => ({ id: m[1] ?? '', version: m[2] ?? '', rest: (m[3] ?? '').trim() }));
}

// ---------------------------------------------------------------------------------------------------------------

const options = parseArgs(process.argv.slice(2));
if (options.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
// `npm run deploy --dry-run -- …` gives --dry-run to npm, which passes it on only as npm_config_dry_run.
const npmDryRun = process.env.npm_config_dry_run === 'true';
const dryRun = options.dryRun || npmDryRun;
const swallowedTarget = process.env.npm_config_target;
if (options.target === undefined && (swallowedTarget === 'city' || swallowedTarget === 'center')) {
  refuse(`--target が npm に渡っています。npm run deploy -- --target ${swallowedTarget} --message "…" のように、-- の後ろに書いてください。`);
}
const target = TARGETS[options.target === undefined ? 'center' : String(options.target)];
if (!target) refuse(`--target は center か city です（${options.target === null ? '値がありません' : `"${options.target}" ではなく`}）。`);
const message = options.message?.trim() ?? '';
if (!message) {
  refuse(
    process.env.npm_config_message
      ? '--message が npm に渡っています。npm run deploy -- --message "…" のように、-- の後ろに書いてください。'
      : '--message で、この版の説明（何を変えたか）を書いてください。版の一覧とデプロイに残ります。',
  );
}
if (message.startsWith('-')) refuse('説明は - で始めないでください（clasp が引数と読みます）。');
if (options.deploymentId === null) refuse('--deployment-id の後に、デプロイ ID を書いてください。');
if (options.deploymentId !== undefined && !/^[\w-]+$/.test(options.deploymentId))
  refuse(`--deployment-id "${options.deploymentId}" はデプロイ ID の形ではありません。`);

const project = readProject(/** @type {Target} */ (target), dryRun);
const clasp = claspCommand();
const withProject = (/** @type {string[]} */ args) => ['--project', project.file, ...args];
const testCmd = process.env.HOUKATSU_DEPLOY_TEST_CMD || 'npm test';
const buildCmd = process.env.HOUKATSU_DEPLOY_BUILD_CMD || 'npm run build';

const total = options.deploymentId ? 5 : 6;
let stepNo = 0;
/** Announces a step (and, in a dry run, only shows its command). */
function announce(/** @type {string} */ title, /** @type {string} */ command) {
  stepNo++;
  process.stdout.write(`\n▶ [${stepNo}/${total}] ${title}\n  $ ${command}\n`);
}

process.stdout.write(
  `${target?.label}の Apps Script プロジェクト（${project.file} → ${target?.rootDir}/、スクリプト ID ${project.scriptId || '（未設定）'}）に版を作ってデプロイします。\n` +
    `説明: ${message}\n`,
);
if (dryRun) {
  process.stdout.write(`\n--dry-run${npmDryRun && !options.dryRun ? '（npm に渡った --dry-run）' : ''}: コマンドを表示するだけで、何も実行しません。\n`);
  if (project.placeholder) process.stdout.write(`注意: ${project.file} の scriptId がまだ見本のままです。実際に実行する前に書き換えてください。\n`);
}

const claspShow = (/** @type {string[]} */ args) => shown([...clasp.show, ...withProject(args)]);
const claspRun = (/** @type {string[]} */ args) => run({ argv: [...clasp.run, ...withProject(args)], capture: true });
const claspHint = `clasp のメッセージを見てください。よくある原因: npx clasp login をしていない、https://script.google.com/home/usersettings で Google Apps Script API がオフ、${project.file} のスクリプト ID が違う、そのプロジェクトの編集者でない。`;

// 1. Tests.
announce('テストを実行します', testCmd);
if (!dryRun) {
  const r = run({ shell: testCmd });
  if (!r.ok) fail('テスト', `テストに通らなかったので、何も送っていません。${testCmd} の出力を見て直してから、もう一度 npm run deploy を実行してください。`);
}

// 2. Build.
announce(`${target?.rootDir}/ をビルドします`, buildCmd);
if (!dryRun) {
  const r = run({ shell: buildCmd });
  if (!r.ok) fail('ビルド', `ビルドに失敗したので、何も送っていません。${buildCmd} の出力を見て直してください。`);
}

// 3. Which deployment becomes the new version: before anything is sent, so that a refusal changes nothing.
let deploymentId = options.deploymentId;
if (!options.deploymentId) {
  announce('今あるデプロイを確かめます（版のあるデプロイが 1 つならそれを新しい版にし、なければ新しく作ります）', claspShow(['list-deployments']));
  if (!dryRun) {
    const r = claspRun(['list-deployments']);
    if (!r.ok) fail('デプロイの確認', `デプロイの一覧を取れなかったので、何も送っていません。${claspHint}`);
    const versioned = deploymentsFrom(r.stdout).filter((d) => d.version !== 'HEAD');
    if (versioned.length > 1) {
      fail(
        'デプロイの確認',
        `版のあるデプロイが ${versioned.length} つあるので、どれを新しい版にするか決められません（何も送っていません）。\n` +
          versioned.map((d) => `  ${d.id} @${d.version} ${d.rest}`).join('\n') +
          `\nMarketplace SDK の設定に使っているデプロイを --deployment-id で指定して、もう一度実行してください。`,
      );
    }
    deploymentId = versioned[0]?.id;
    process.stdout.write(deploymentId ? `  → デプロイ ${deploymentId} を新しい版にします。\n` : '  → 版のあるデプロイがないので、新しく作ります。\n');
  }
}

// 4. Push.
announce(`${target?.rootDir}/ を Apps Script に送ります（appsscript.json も、このリポジトリのものに置き換えます）`, claspShow(['push', '--force']));
if (!dryRun) {
  const r = claspRun(['push', '--force']);
  if (!r.ok) fail('push', `コードを送れませんでした。版もデプロイもまだ作っていません。${claspHint}`);
}

// 5. Version.
announce('版を作ります', claspShow(['create-version', message]));
let version;
if (!dryRun) {
  const r = claspRun(['create-version', message]);
  if (!r.ok) {
    fail(
      '版の作成',
      `版を作れませんでした。コードは送ってあります（HEAD とバインドのスクリプトは新しいコードで動きます）が、版とデプロイは前のままです。${claspHint}\n直したら、もう一度 npm run deploy を実行してください（push からやり直します）。`,
    );
  }
  version = versionFrom(r.stdout);
  if (version === undefined) {
    fail(
      '版の作成',
      `clasp の出力から版の番号を読めませんでした。版はできているかもしれません。${shown([...clasp.show, ...withProject(['list-versions'])])} で番号を確かめ、` +
        `${shown([...clasp.show, ...withProject(['update-deployment', deploymentId ?? '<デプロイID>', '--versionNumber', '<版番号>', '--description', message])])} で続けてください。`,
    );
  }
  process.stdout.write(`  → 版 ${version}\n`);
}

// 6. Deployment.
const versionArg = version === undefined ? '<版番号>' : String(version);
const deployArgs = deploymentId
  ? ['update-deployment', deploymentId, '--versionNumber', versionArg, '--description', message]
  : ['create-deployment', '--versionNumber', versionArg, '--description', message];
if (dryRun && !options.deploymentId) {
  announce(
    'デプロイを新しい版にします（手順 3 の結果により、どちらか）',
    `${claspShow(['update-deployment', '<デプロイID>', '--versionNumber', versionArg, '--description', message])}\n  $ ${claspShow(deployArgs)}`,
  );
} else {
  announce(deploymentId ? `デプロイ ${deploymentId} を版 ${versionArg} にします` : `版 ${versionArg} のデプロイを新しく作ります`, claspShow(deployArgs));
}
if (dryRun) {
  process.stdout.write('\n--dry-run なので、ここまでで終わります（何も実行していません）。\n');
  process.exit(0);
}
const deployed = claspRun(deployArgs);
if (!deployed.ok) {
  fail(
    'デプロイ',
    `版 ${version} はできましたが、デプロイを${deploymentId ? '更新' : '作成'}できませんでした。${claspHint}\n次のコマンドで、この続きだけを行えます:\n  ${claspShow(deployArgs)}`,
  );
}
const finalId = deploymentId ?? /Deployed (\S+)/.exec(deployed.stdout)?.[1] ?? '（clasp の出力を見てください）';

process.stdout.write(`\n✔ 完了: ${target?.label}の版 ${version}（${message}）を作り、デプロイ ${finalId} を版 ${version} にしました。\n`);
if (target?.key === 'center') {
  process.stdout.write(
    `次に: ドメインの Marketplace で公開しているなら、Google Cloud コンソールの「Google Workspace Marketplace SDK › アプリの構成」で\n` +
      `Sheets アドオンの版の番号を ${version} にして保存すると、職員に届きます（docs/deploy.md の「新しい版を職員に届ける」）。\n` +
      `スプレッドシートに直接入れた（バインドの）スクリプトなら、送った時点で新しいコードで動いています。版 ${version} は、送ったコードの控えです。\n`,
  );
} else {
  process.stdout.write(
    `市のスプレッドシートに入れた（バインドの）スクリプトは、送った時点で新しいコードで動いています。版 ${version} は、送ったコードの控えです。\n`,
  );
}
