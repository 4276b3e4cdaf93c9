import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consultations, CONSULTATION_HEADER, jst } from '../helpers/center';
import { everyCell, run, sheetRows, writeBook } from './xlsx-files';

/**
 * Issue 19 item 5 on real files: 事業評価 held against the center's 活動記録 by `houkatsu check`, and the year's
 * evidence beside the answers in the 事業評価_YYYY that `houkatsu report --year` writes into the 提出用ファイル
 * (counts only: a planted 名称 and 課題 reach no cell of it).
 */
const dir = mkdtempSync(join(tmpdir(), 'houkatsu-evidence-'));
const TODAY = '2026-11-23';
const TITLE = '秘密の会議名（山田さん宅の件）';
const FINDING = '秘密の課題：○○町の独居男性の通院手段';

const EVALUATION = [
  ['年度', '番号', '分類', '指標', '回答', '根拠・備考'],
  ['2025', '1', '組織運営体制等', '3職種を配置しているか', 'はい', ''],
  ['2025', '2', '地域ケア会議', '地域ケア個別会議を開いているか', 'はい', ''],
  ['2025', '3', '地域ケア会議', '地域ケア個別会議に医師・歯科医師が参加しているか', 'はい', ''],
  ['2025', '4', '包括的・継続的ケアマネジメント支援', '介護支援専門員向けの勉強会を開いているか', 'はい', ''],
  ['2025', '5', '事業間連携', '住民向けの介護予防教室を開いているか', 'いいえ', '会場が見つからず未実施'],
];

const ACTIVITIES = [
  ['実施日', '種類', '名称', '参加者数', '参加職種', '検討事例数', '把握した課題', '担当'],
  [jst('2025-04-01'), '地域ケア個別会議', TITLE, 9, '医師、薬剤師', 2, FINDING, '担当A'],
  [jst('2025-11-12'), '地域ケア個別会議', '第2回', 11, '医師、理学療法士', 3, '', '担当A'],
  [jst('2026-03-31'), '介護支援専門員支援（事例検討会・勉強会・情報交換会）', 'ケアマネ勉強会', 24, '介護支援専門員', '', '', '担当B'],
  // 2026年度: not evidence for 2025.
  [jst('2026-04-01'), '地域ケア個別会議', '第1回', 8, '歯科医師', 1, '', '担当A'],
];

let n = 0;
async function center(withActivities: boolean): Promise<string> {
  const folder = join(dir, `c${++n}`);
  mkdirSync(folder);
  return writeBook(join(folder, '本庄南.xlsx'), [
    [
      '設定',
      [
        ['項目', '値'],
        ['センター名', '本庄南地域包括支援センター'],
        ['センターコード', '11211-02'],
      ],
    ],
    ['相談記録', [CONSULTATION_HEADER, ...consultations(5)]],
    ...(withActivities ? [['活動記録', ACTIVITIES] as [string, unknown[][]]] : []),
    ['事業評価', EVALUATION],
  ]);
}

describe('事業評価 and the center’s own records', () => {
  test('check: はい to 歯科医師 at 個別会議 with none in 2025年度 is a warning with the figure; the rest say nothing', async () => {
    const r = await run('check', await center(true), '--today', TODAY);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('■ 事業評価');
    const warnings = r.stdout.split('\n').filter((l) => l.includes('活動記録に'));
    expect(warnings).toEqual([
      '  E4     注意　 指標 3 は「はい」ですが、2025年度の活動記録に地域ケア個別会議への歯科医師の参加が 0 回です。記録を確かめるか、回答を見直してください。',
    ]);
  });

  test('check: a center without 活動記録 gets no such warning', async () => {
    const r = await run('check', await center(false), '--today', TODAY, '--json');
    const doc = JSON.parse(r.stdout) as { issues: { code: string }[] };
    expect(doc.issues.map((i) => i.code)).not.toContain('EVALUATION_YES_WITHOUT_RECORD');
  });

  test('report --year: 事業評価_YYYY shows 「記録から（2025年度）」 beside each answer, counts only', async () => {
    const file = await center(true);
    const out = join(dir, 'evidence.xlsx');
    const r = await run('report', '--month', '2026-10', file, '-o', out, '--year', '2025', '--today', TODAY);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rows = (await sheetRows(out, '事業評価_2025')).slice(2).map((row) => Array.from({ length: 5 }, (_, i) => row[i] ?? ''));
    expect(rows).toEqual([
      ['番号', '分類', '回答', '記録から（2025年度）', '根拠・備考'],
      ['1', '組織運営体制等', 'はい', '', ''],
      ['2', '地域ケア会議', 'はい', '個別会議 2 回・事例 5 件', ''],
      ['3', '地域ケア会議', 'はい', '個別会議 2 回・事例 5 件、医師の参加 2 回・歯科医師の参加 0 回', ''],
      ['4', '包括的・継続的ケアマネジメント支援', 'はい', '介護支援専門員支援 1 回・参加 24 人', ''],
      ['5', '事業間連携', 'いいえ', '介護予防教室・講座 0 回・参加 0 人', '会場が見つからず未実施'],
    ]);
    const cells = (await everyCell(out)).map((c) => c.text).join('\n');
    for (const secret of [TITLE, FINDING, '担当A']) expect(cells).not.toContain(secret);
  });

  test('report --year without 活動記録: the answers alone, as before', async () => {
    const out = join(dir, 'no-evidence.xlsx');
    const r = await run('report', '--month', '2026-10', await center(false), '-o', out, '--year', '2025', '--today', TODAY);
    expect(r.status).toBe(0);
    expect((await sheetRows(out, '事業評価_2025'))[2]).toEqual(['番号', '分類', '回答', '根拠・備考']);
  });
});
