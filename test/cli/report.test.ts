import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellValue } from '../../src/domain/values/cell';
import { EVALUATION_KIND, readEvaluationPayload } from '../../src/domain/reports/evaluation-submission';
import { buildMonthlyReport } from '../../src/domain/reports/monthly-report';
import { readSettings, SETTINGS_SHEET } from '../../src/domain/sheets/settings';
import { MONTHLY_REPORT_KIND, readPayload, type Submission, toSubmission } from '../../src/domain/reports/submission';
import { isSubmissionFileSheet } from '../../src/domain/reports/submission-file';
import { CURRENT, HISTORY, storedSubmissionRows, SUBMISSIONS_SHEET, withSubmission } from '../../src/domain/reports/submission-store';
import { readWorkbook } from '../../src/domain/sheets/workbook-check';
import { consultation, consultations, CONSULTATION_HEADER, contract, CONTRACT_HEADER, delegation, DELEGATION_HEADER } from '../helpers/center';
import { rawOf } from '../helpers/submissions';
import { readBook, run, sheetNames, storedIn, writeBook } from './xlsx-files';

const dir = mkdtempSync(join(tmpdir(), 'houkatsu-report-'));
const TODAY = '2026-11-23';

const SETTINGS = [
  ['項目', '値'],
  ['センター名', '本庄西地域包括支援センター'],
  ['センターコード', '11211-01'],
];
const EVALUATION = [
  ['年度', '番号', '分類', '指標', '回答', '根拠・備考'],
  ['2025', '1', '組織運営体制等', '3職種を配置しているか', 'はい', ''],
  ['2025', '2', '総合相談支援', '相談件数を把握しているか', 'いいえ', '集計の様式を見直し中のため'],
];
const sheets = (extra: unknown[][] = []): [string, unknown[][]][] => [
  ['設定', SETTINGS],
  ['相談記録', [CONSULTATION_HEADER, ...consultations(40), consultation({ 相談方法: 'TEL' }), ...extra]],
  ['委託契約', [CONTRACT_HEADER, contract()]],
  ['委託実績', [DELEGATION_HEADER, delegation()]],
  ['事業評価', EVALUATION],
];

let n = 0;
/** A center workbook of its own in a folder of its own, so the default OUT never collides between tests. */
async function writeCenter(extra: unknown[][] = [], more: [string, unknown[][]][] = []): Promise<string> {
  const folder = join(dir, `c${++n}`);
  mkdirSync(folder);
  return writeBook(join(folder, '本庄西.xlsx'), [...sheets(extra), ...more]);
}

/** The same rows read through the domain alone (Sheets' reading of them): the payload must not depend on the file format. */
function domainSubmission(month: string): Submission {
  const toCell = (v: unknown): CellValue => {
    if (v instanceof Date) return { kind: 'date', iso: new Date(v.getTime() + 9 * 3600 * 1000).toISOString().slice(0, 10) };
    return v === '' ? null : (v as CellValue);
  };
  const raws = new Map(
    sheets().map(
      ([name, rows]) =>
        [
          name,
          rawOf(
            name,
            rows.map((r) => r.map(toCell)),
          ),
        ] as const,
    ),
  );
  const settings = readSettings(raws.get(SETTINGS_SHEET), '本庄西');
  const reading = readWorkbook(raws, settings, TODAY);
  const report = buildMonthlyReport({
    settings: reading.settings,
    month,
    consultations: reading.consultations,
    contracts: reading.contracts,
    delegations: reading.delegations,
    issues: reading.issues,
  });
  return toSubmission(report, '2026-11-23T00:00:00.000Z', '2026-11-23T00:00:00.000Z');
}

const bytes = (path: string): Buffer => readFileSync(path);

describe('houkatsu report', () => {
  test('writes the 提出用 workbook: 月報_YYYY-MM and _提出データ only; --json prints the payload, with the fingerprint the domain gives', async () => {
    const file = await writeCenter();
    const out = join(dir, 'out.xlsx');
    const r = await run('report', '--month', '2026-10', file, '-o', out, '--json', '--today', TODAY);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const payload = JSON.parse(r.stdout) as Submission;
    expect(readPayload(r.stdout).kind).toBe('ok');
    expect(payload).toMatchObject({ schemaVersion: 1, month: '2026-10', center: { name: '本庄西地域包括支援センター', code: '11211-01' } });
    expect(payload.consultations.total).toBe(41);
    expect(payload.fingerprint).toBe(domainSubmission('2026-10').fingerprint);

    expect((await sheetNames(out)).sort()).toEqual(['_提出データ', '月報_2026-10']);
    const stored = await storedIn(out);
    expect(stored.map((s) => [s.kind, s.period, s.status, s.fingerprint])).toEqual([[MONTHLY_REPORT_KIND, '2026-10', CURRENT, payload.fingerprint]]);
    expect(JSON.parse(stored[0]?.json ?? '')).toEqual(payload);
    // The readable copy says it was submitted.
    const report = (await readBook(out)).getWorksheet('月報_2026-10');
    const texts: string[] = [];
    report?.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts[texts.indexOf('状態') + 1]).toMatch(/^提出済み（/);
  });

  test('without -o: 提出用_<センター名>.xlsx beside FILE; FILE itself is never written', async () => {
    const file = await writeCenter();
    const before = bytes(file);
    const mtime = statSync(file).mtimeMs;
    const r = await run('report', '--month', '2026-10', file, '--today', TODAY);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = join(file, '..', '提出用_本庄西地域包括支援センター.xlsx');
    expect(existsSync(out)).toBe(true);
    expect(r.stdout).toContain(out);
    expect(bytes(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(await sheetNames(file)).toEqual(['設定', '相談記録', '委託契約', '委託実績', '事業評価']);
  });

  test('an existing OUT keeps its earlier months and the history; resubmitting a month leaves 最新 and 履歴 for it', async () => {
    const file = await writeCenter();
    const out = join(dir, 'keep.xlsx');
    expect((await run('report', '--month', '2026-09', file, '-o', out, '--today', TODAY)).status).toBe(0);
    expect((await run('report', '--month', '2026-10', file, '-o', out, '--today', TODAY)).status).toBe(0);
    // The center corrects October and submits it again.
    const corrected = await writeCenter([consultation({ 受付日: new Date('2026-10-20T00:00:00+09:00'), 相談者ID: 'P-new' })]);
    const again = await run('report', '--month', '2026-10', corrected, '-o', out, '--today', TODAY, '--json');
    expect(again.status).toBe(0);
    const payload = JSON.parse(again.stdout) as Submission;
    expect(payload.consultations.total).toBe(42);

    expect((await sheetNames(out)).sort()).toEqual(['_提出データ', '月報_2026-09', '月報_2026-10']);
    const stored = await storedIn(out);
    const october = stored.filter((s) => s.period === '2026-10');
    expect(october.map((s) => s.status).sort()).toEqual([CURRENT, HISTORY].sort());
    expect(october.find((s) => s.status === CURRENT)?.fingerprint).toBe(payload.fingerprint);
    expect(october.find((s) => s.status === HISTORY)?.fingerprint).not.toBe(payload.fingerprint);
    expect(stored.filter((s) => s.period === '2026-09').map((s) => s.status)).toEqual([CURRENT]);
    expect(stored).toHaveLength(3);
    expect((await run('report', '--month', '2026-10', corrected, '-o', out, '--today', TODAY)).stdout).toContain('再提出');
  });

  test('an OUT that is a center workbook (or FILE itself) is refused: exit 2, the reason in Japanese, nothing written', async () => {
    const file = await writeCenter();
    const other = await writeCenter();
    const before = { file: bytes(file), other: bytes(other) };
    const mtimes = { file: statSync(file).mtimeMs, other: statSync(other).mtimeMs };
    for (const target of [other, file]) {
      const r = await run('report', '--month', '2026-10', file, '-o', target, '--today', TODAY, '--json');
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('提出用ファイル');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const refused = await run('report', '--month', '2026-10', file, '-o', other, '--today', TODAY);
    expect(refused.stderr).toContain('「相談記録」');
    expect(refused.stderr).toContain('提出用ファイルとして使えません');
    expect(bytes(file).equals(before.file)).toBe(true);
    expect(bytes(other).equals(before.other)).toBe(true);
    expect([statSync(file).mtimeMs, statSync(other).mtimeMs]).toEqual([mtimes.file, mtimes.other]);

    // A 提出用 workbook someone added a sheet to is refused the same way, and left as it was.
    const out = join(dir, 'tampered.xlsx');
    expect((await run('report', '--month', '2026-09', file, '-o', out, '--today', TODAY)).status).toBe(0);
    const wb = await readBook(out);
    wb.addWorksheet('メモ').addRow(['市に送る前に消す']);
    await wb.xlsx.writeFile(out);
    const tampered = bytes(out);
    const r = await run('report', '--month', '2026-10', file, '-o', out, '--today', TODAY);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('「メモ」');
    expect(bytes(out).equals(tampered)).toBe(true);
  });

  test("--year: the year's 事業評価 goes in too (事業評価_YYYY and its payload); a year without answers is exit 2 and writes nothing", async () => {
    const file = await writeCenter();
    const out = join(dir, 'with-year.xlsx');
    const r = await run('report', '--month', '2026-10', file, '-o', out, '--year', '令和7年度', '--today', TODAY);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2025年度の事業評価も提出しました');
    const names = await sheetNames(out);
    expect(names.sort()).toEqual(['_提出データ', '事業評価_2025', '月報_2026-10']);
    const stored = await storedIn(out);
    expect(stored.map((s) => [s.kind, s.period, s.status]).sort()).toEqual([
      [EVALUATION_KIND, '2025', CURRENT],
      [MONTHLY_REPORT_KIND, '2026-10', CURRENT],
    ]);
    const evaluation = readEvaluationPayload(stored.find((s) => s.kind === EVALUATION_KIND)?.json ?? '');
    expect(evaluation.kind).toBe('ok');
    expect(evaluation.kind === 'ok' && evaluation.submission.answers.map((a) => a.answer)).toEqual(['はい', 'いいえ']);

    const none = join(dir, 'no-year.xlsx');
    const bad = await run('report', '--month', '2026-10', file, '-o', none, '--year', '2019', '--today', TODAY);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('2019年度の回答がありません');
    expect(existsSync(none)).toBe(false);
    const unreadableYear = await run('report', '--month', '2026-10', file, '-o', none, '--year', 'きょねん');
    expect(unreadableYear.status).toBe(2);
    expect(unreadableYear.stderr).toContain('--year');
  });

  test('an old _提出データ in the center workbook (from before the 提出用ファイル) is carried into OUT; FILE keeps it untouched', async () => {
    const old = { ...domainSubmission('2026-09'), submittedAt: '2026-10-02T01:00:00.000Z' };
    const legacy = storedSubmissionRows(
      withSubmission([], {
        kind: old.kind,
        period: old.month,
        submittedAt: old.submittedAt,
        fingerprint: old.fingerprint,
        schemaVersion: old.schemaVersion,
        json: JSON.stringify(old),
      }),
    );
    const file = await writeCenter([], [[SUBMISSIONS_SHEET, legacy]]);
    const before = bytes(file);
    const out = join(dir, 'migrated.xlsx');
    const r = await run('report', '--month', '2026-10', file, '-o', out, '--today', TODAY);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('古い「_提出データ」の 1 行を提出用ファイルに引き継ぎました');
    const stored = await storedIn(out);
    expect(stored.map((s) => [s.period, s.status]).sort()).toEqual([
      ['2026-09', CURRENT],
      ['2026-10', CURRENT],
    ]);
    expect(stored.find((s) => s.period === '2026-09')?.fingerprint).toBe(old.fingerprint);
    expect((await sheetNames(out)).every(isSubmissionFileSheet)).toBe(true);
    expect(bytes(file).equals(before)).toBe(true);
    // Run again: the carried rows are not doubled.
    expect((await run('report', '--month', '2026-10', file, '-o', out, '--today', TODAY)).status).toBe(0);
    expect((await storedIn(out)).filter((s) => s.period === '2026-09')).toHaveLength(1);
  });

  test('OUT in a folder that does not exist, or OUT that is not an .xlsx: exit 2 and a Japanese message', async () => {
    const file = await writeCenter();
    const missing = await run('report', '--month', '2026-10', file, '-o', join(dir, 'no-such-folder', 'out.xlsx'), '--today', TODAY);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('書き出せませんでした');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const text = join(dir, 'text.xlsx');
    writeFileSync(text, 'これは表ではありません');
    const notXlsx = await run('report', '--month', '2026-10', file, '-o', text, '--today', TODAY);
    expect(notXlsx.status).toBe(2);
    expect(notXlsx.stderr).toContain('読めませんでした');
    expect(readFileSync(text, 'utf8')).toBe('これは表ではありません');
  });

  test('human output in Japanese; bad month and missing --month are usage errors', async () => {
    const file = await writeCenter();
    const copy = join(dir, 'copy.xlsx');
    copyFileSync(file, copy);
    const r = await run('report', '--month', '2026-10', copy, '-o', join(dir, 'o2.xlsx'), '--today', TODAY);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('延べ件数 41 件');
    expect(r.stdout).toContain('提出用ファイル');
    for (const args of [
      ['report', file],
      ['report', '--month', '2026-13', file],
      ['report', '--month', '2026-10'],
    ]) {
      const bad = await run(...args);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/月|ファイル/);
    }
  });
});
