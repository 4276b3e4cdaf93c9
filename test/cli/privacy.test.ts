import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSULTATION_COLUMNS } from '../../src/domain/sheets/consultations';
import { isSubmissionFileSheet } from '../../src/domain/reports/submission-file';
import { consultation, consultations, CONSULTATION_HEADER, contract, CONTRACT_HEADER, delegation, DELEGATION_HEADER, jst } from '../helpers/center';
import { everyCell, run, sheetNames, writeBook } from './xlsx-files';

/**
 * Issue 14 (個人情報の保護, SPEC §1, §6) on real files: distinctive values planted in every personal and
 * free-text column of 相談記録 (and a column of the center's own) never reach the 提出用 workbook, the city's
 * workbooks or any output of report, consolidate and evaluate. The 提出用 workbook holds only the sheets the
 * city may receive.
 */
const PLANTED: Record<string, string> = {
  相談者ID: 'ZZ-SECRET-ID-4711',
  担当者: '秘密担当 次郎',
  氏名: '秘密川 太郎',
  内容メモ: '秘密のメモ：自宅の鍵は植木鉢の下',
  紹介事業所: '秘密ケアプラン事業所',
  紹介理由: '秘密の紹介理由（長男の希望）',
};
const OWN_COLUMN = '独自メモ';
const OWN_VALUE = '秘密の独自列の値 090-0000-4711';
/** A person's words typed where a choice belongs: counted under 未分類, never shown. */
const MISPLACED = { 相談内容: '秘密の相談内容（借金のこと）', 相談者: '秘密の隣人 三郎' };
const SECRETS = [...Object.values(PLANTED), OWN_VALUE, ...Object.values(MISPLACED)];

/** Every column of 相談記録 that is not a choice, a date, a checkbox or a count: the text a person types. */
const FREE_TEXT = ['相談者ID', '紹介事業所', '紹介理由', '担当者', '氏名', '内容メモ'];

const dir = mkdtempSync(join(tmpdir(), 'houkatsu-privacy-cli-'));

async function centerWithSecrets(): Promise<string> {
  const october = (day: number, over: Record<string, unknown> = {}): unknown[] => [
    ...consultation({ 受付日: jst(`2026-10-${String(day).padStart(2, '0')}`), ...PLANTED, ...over }),
    OWN_VALUE,
  ];
  return writeBook(join(dir, '本庄西.xlsx'), [
    [
      '設定',
      [
        ['項目', '値'],
        ['センター名', '本庄西'],
        ['センターコード', '11211-01'],
        ['市区町村名', '本庄市'],
      ],
    ],
    [
      '相談記録',
      [
        [...CONSULTATION_HEADER, OWN_COLUMN],
        ...consultations(12).map((r) => [...r, OWN_VALUE]),
        october(5),
        // The same person again, with spaces around the ID (a warning that quotes nothing of it into a report).
        october(6, { 相談者ID: ` ${PLANTED['相談者ID']} `, '新規/継続': '継続' }),
        // Words where a choice belongs: an error in the month, counted under 未分類.
        october(7, MISPLACED),
        // 虐待, reported late, with 紹介: the rows the 権利擁護 and 公正・中立 counts look at.
        october(8, { 相談内容: '虐待', 業務区分: '権利擁護', 市への報告日: jst('2026-10-12') }),
      ],
    ],
    ['委託契約', [CONTRACT_HEADER, contract()]],
    ['委託実績', [DELEGATION_HEADER, delegation()]],
    [
      '事業評価',
      [
        ['年度', '番号', '分類', '指標', '回答', '根拠・備考'],
        ['2025', '1', '組織運営体制等', '3職種を配置しているか', 'はい', ''],
        ['2025', '2', '権利擁護', '虐待への対応手順を定めているか', 'いいえ', '手順書を改訂中のため'],
      ],
    ],
  ]);
}

function leaks(text: string): string[] {
  return SECRETS.filter((s) => text.includes(s));
}

test('the planted columns are every free-text column of 相談記録', () => {
  const byType = CONSULTATION_COLUMNS.filter(
    (c) =>
      !['receivedOn', 'caseType', 'method', 'requester', 'businessArea', 'topic', 'dementia', 'afterHours', 'profession', 'action', 'reportedOn'].includes(
        c.key,
      ),
  );
  expect(byType.map((c) => c.header).sort()).toEqual([...FREE_TEXT].sort());
  expect(Object.keys(PLANTED).sort()).toEqual([...FREE_TEXT].sort());
});

test("no planted value in the 提出用 workbook, the city's workbooks or any output of report, consolidate and evaluate", async () => {
  const center = await centerWithSecrets();
  // The values are really in the center's workbook, in their columns.
  const inCenter = (await everyCell(center)).map((c) => c.text).join('\n');
  for (const secret of SECRETS) expect(inCenter).toContain(secret);
  const centerBytes = readFileSync(center);

  const submission = join(dir, '提出', '提出用_本庄西.xlsx');
  mkdirSync(join(dir, '提出'));
  const outputs: string[] = [];
  for (const json of [true, false]) {
    const r = await run('report', '--month', '2026-10', center, '-o', submission, '--year', '2025', '--today', '2026-11-23', ...(json ? ['--json'] : []));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1); // the misplaced words are errors in the month
    outputs.push(r.stdout);
  }
  expect(JSON.parse(outputs[0] as string)).toMatchObject({ center: { name: '本庄西' }, month: '2026-10' });
  expect((await sheetNames(submission)).sort()).toEqual(['_提出データ', '事業評価_2025', '月報_2026-10']);
  expect((await sheetNames(submission)).every(isSubmissionFileSheet)).toBe(true);

  const city = join(dir, '市集計.xlsx');
  const evaluation = join(dir, '事業評価.xlsx');
  for (const json of [true, false]) {
    const flag = json ? ['--json'] : [];
    const c = await run('consolidate', '--month', '2026-10', submission, '-o', city, ...flag);
    expect(c.stderr).toBe('');
    expect(c.status).toBe(0);
    const e = await run('evaluate', '--year', '2025', submission, '-o', evaluation, ...flag);
    expect(e.stderr).toBe('');
    expect(e.status).toBe(0);
    outputs.push(c.stdout, e.stdout);
  }
  const consolidation = JSON.parse(outputs[2] as string) as { centers: { name: string; status: string }[] };
  expect(consolidation.centers).toEqual([expect.objectContaining({ name: '本庄西', status: 'submitted' })]);
  expect(outputs[3]).toContain('手順書を改訂中のため');

  for (const file of [submission, city, evaluation]) {
    const cells = await everyCell(file);
    expect(cells.length).toBeGreaterThan(10);
    const found = cells.flatMap((c) => leaks(c.text).map((s) => `${file} ${c.sheet}!${c.address}: ${s}`));
    expect(found).toEqual([]);
  }
  for (const out of outputs) expect(leaks(out)).toEqual([]);
  expect(readFileSync(center).equals(centerBytes)).toBe(true);
});
