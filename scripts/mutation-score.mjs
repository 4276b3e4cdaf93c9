// @ts-check
/**
 * `node scripts/mutation-score.mjs [reports/mutation/mutation.json]`: the mutation score of the last `npm run mutate`,
 * for the whole domain and per folder of src/domain (the figures in README 変異テスト), counted as Stryker counts
 * them: detected (killed or timed out) over valid mutants (detected, survived, no coverage). Errors and ignored
 * mutants are left out. `--files` adds a line per module.
 */
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const perFile = args.includes('--files');
const path = args.find((a) => !a.startsWith('--')) ?? 'reports/mutation/mutation.json';
/** @type {{ files: Record<string, { mutants: { status: string }[] }> }} */
const report = JSON.parse(readFileSync(path, 'utf8'));

/** @typedef {{ detected: number, survived: number, noCoverage: number, errors: number }} Tally */
/** @returns {Tally} */
const empty = () => ({ detected: 0, survived: 0, noCoverage: 0, errors: 0 });
/** @type {Map<string, Tally>} */
const groups = new Map();
const total = empty();
/** @param {Tally} t @param {string} status */
function count(t, status) {
  if (status === 'Killed' || status === 'Timeout') t.detected++;
  else if (status === 'Survived') t.survived++;
  else if (status === 'NoCoverage') t.noCoverage++;
  else if (status === 'CompileError' || status === 'RuntimeError') t.errors++;
}
for (const [file, { mutants }] of Object.entries(report.files)) {
  const relative = file.replace(/^.*src\/domain\//, '');
  const group = perFile ? relative : relative.includes('/') ? `${relative.split('/')[0]}/` : relative;
  const t = groups.get(group) ?? empty();
  groups.set(group, t);
  for (const m of mutants) {
    count(t, m.status);
    count(total, m.status);
  }
}
/** @param {Tally} t */
const valid = (t) => t.detected + t.survived + t.noCoverage;
/** @param {Tally} t */
const score = (t) => (valid(t) === 0 ? '—' : `${((100 * t.detected) / valid(t)).toFixed(1)} %`);
const n = (/** @type {number} */ x) => x.toLocaleString('en-US');
const lines = ['| モジュール | 変異スコア | 見逃した変異（テストなし） | 変異の数 |', '|---|---|---|---|'];
for (const [group, t] of [...groups].sort(([a], [b]) => a.localeCompare(b)))
  lines.push(`| ${group} | ${score(t)} | ${n(t.survived)}（${n(t.noCoverage)}） | ${n(valid(t))} |`);
lines.push(`| **ドメイン全体** | **${score(total)}** | ${n(total.survived)}（${n(total.noCoverage)}） | ${n(valid(total))} |`);
if (total.errors) lines.push('', `走らなかった変異（エラー）: ${n(total.errors)}`);
process.stdout.write(`${lines.join('\n')}\n`);
