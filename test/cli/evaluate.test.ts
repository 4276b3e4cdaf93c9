import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWorkbook } from '../../src/cli/xlsx-write';
import { HONJO_CENTERS, sampleCenterWorkbook } from '../../src/sample/center';
import { sampleIndicatorSheet, sampleNationalSheet } from '../../src/sample/evaluation';
import { readBook, run, sheetNames } from './xlsx-files';

interface Comparison {
  year: string;
  categories: string[];
  centers: { name: string; status: string; reason?: string; rates: Record<string, number> }[];
  city: Record<string, number>;
  national: Record<string, number>;
  no: { center: string; note: string }[];
}

const fullName = (name: string): string => `${name}地域包括支援センター`;

/**
 * A sample center whose 相談記録 keeps only its first rows: 事業評価 is read from its own sheets, and a year of
 * consultations would only make every run here slower.
 */
function centerSheets(center: (typeof HONJO_CENTERS)[number]): ReturnType<typeof sampleCenterWorkbook>['sheets'] {
  return sampleCenterWorkbook(center, 3).sheets.map((sheet) => (sheet.name === '相談記録' ? { ...sheet, rows: sheet.rows.slice(0, 60) } : sheet));
}
const dir = mkdtempSync(join(tmpdir(), 'houkatsu-eval-'));
const centers: string[] = [];
const submissions: string[] = [];
let national = '';

beforeAll(async () => {
  for (const center of HONJO_CENTERS) {
    const file = join(dir, `${center.name}.xlsx`);
    await writeWorkbook(file, centerSheets(center));
    centers.push(file);
    const out = join(dir, `提出用_${center.name}.xlsx`);
    const r = await run('report', '--month', '2021-02', file, '-o', out, '--year', '令和2年度', '--today', '2021-03-05');
    expect(r.stderr).toBe('');
    submissions.push(out);
  }
  national = join(dir, '全国平均.xlsx');
  await writeWorkbook(national, [sampleNationalSheet()]);
});

describe('houkatsu evaluate', () => {
  test('the city part on the 提出用 workbooks: rates by category per center, the city, the national average and the reasons for いいえ', async () => {
    for (const file of submissions) expect(await sheetNames(file)).toContain('事業評価_2020');
    const out = join(dir, 'out.xlsx');
    const r = await run('evaluate', '--year', '令和2年度', ...submissions, '--national', national, '--json', '-o', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as Comparison;
    expect(doc.year).toBe('2020');
    expect(doc.categories[0]).toBe('組織運営体制等');
    expect(doc.centers.map((c) => [c.name, c.status])).toEqual(HONJO_CENTERS.map((c) => [fullName(c.name), 'submitted']));
    expect(doc.centers.find((c) => c.name === fullName('児玉'))?.rates['組織運営体制等']).toBeCloseTo(2 / 3);
    expect(doc.city['組織運営体制等']).toBeCloseTo(11 / 12);
    expect(doc.national['組織運営体制等']).toBe(0.86);
    expect(doc.no.map((n) => n.center).sort()).toEqual([fullName('児玉'), fullName('本庄南')].sort());
    expect(await sheetNames(out)).toEqual(['事業評価_2020']);
    const bad = await run('evaluate', ...submissions);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('年度');
  });

  test("a center's own workbook is 読めない and its 事業評価 is not read (exit 1); a 提出用 workbook without the year is 未提出", async () => {
    const monthOnly = join(dir, '提出用_月報だけ.xlsx');
    expect((await run('report', '--month', '2021-02', centers[0] as string, '-o', monthOnly, '--today', '2021-03-05')).status).toBeLessThanOrEqual(1);
    const r = await run('evaluate', '--year', '2020', submissions[1] as string, centers[3] as string, monthOnly, '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as Comparison;
    expect(doc.centers.map((c) => [c.name, c.status])).toEqual([
      [fullName('本庄東'), 'submitted'],
      ['児玉', 'unreadable'],
      [fullName('本庄西'), 'missing'],
    ]);
    expect(doc.centers[1]?.reason).toContain('提出用ファイルではありません');
    // 児玉's いいえ is in its own workbook only: the city does not see it.
    expect(doc.no).toEqual([]);
  });
});

describe('houkatsu evaluate --into: the indicator import on .xlsx files', () => {
  const answerColumn = 5;
  const evaluationRows = async (file: string): Promise<unknown[][]> => {
    const ws = (await readBook(file)).getWorksheet('事業評価');
    const rows: unknown[][] = [];
    ws?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };

  test("from the city's file into a center's workbook: only the missing rows, answers kept, twice adds nothing", async () => {
    const into = join(dir, '取り込み先.xlsx');
    await writeWorkbook(
      into,
      centerSheets(HONJO_CENTERS[3] as (typeof HONJO_CENTERS)[number]).filter((s) => s.name !== '事業評価' && s.name !== '評価指標'),
    );
    const consultationsBefore = (await readBook(into)).getWorksheet('相談記録')?.rowCount;
    const indicators = join(dir, '市から届いた指標.xlsx');
    const list = sampleIndicatorSheet();
    // The city's file names its one sheet as it likes.
    await writeWorkbook(indicators, [{ ...list, name: 'Sheet1' }]);

    const first = await run('evaluate', '--into', into, '--indicators', indicators, '--json');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ kind: 'imported', years: [{ year: '2020', added: 21 }] });
    const rows = await evaluationRows(into);
    expect(rows).toHaveLength(22);
    expect(rows[0]).toEqual(['年度', '番号', '分類', '指標', '回答', '根拠・備考']);
    expect(rows[1]).toEqual(['2020', '1', '組織運営体制等', '保健師・社会福祉士・主任介護支援専門員の3職種を配置しているか']);
    expect((await readBook(into)).getWorksheet('相談記録')?.rowCount).toBe(consultationsBefore);

    // The center answers two rows; then the list grows by one indicator mid-year.
    const book = await readBook(into);
    const ws = book.getWorksheet('事業評価');
    if (!ws) throw new Error('no 事業評価');
    ws.getRow(2).getCell(answerColumn).value = 'はい';
    ws.getRow(3).getCell(answerColumn).value = 'いいえ';
    ws.getRow(3).getCell(answerColumn + 1).value = '市の方針を待っているため';
    await book.xlsx.writeFile(into);
    await writeWorkbook(indicators, [{ ...list, name: 'Sheet1', rows: [...list.rows, ['2020', '22', '事業間連携', '新しく加わった指標']] }]);
    const second = await run('evaluate', '--into', into, '--indicators', indicators);
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('2020年度: 1 件');
    const after = await evaluationRows(into);
    expect(after).toHaveLength(23);
    expect(after[1]?.slice(4, 6)).toEqual(['はい']);
    expect(after[2]?.slice(4, 6)).toEqual(['いいえ', '市の方針を待っているため']);
    expect(after[22]).toEqual(['2020', '22', '事業間連携', '新しく加わった指標']);

    const written = statSync(into).mtimeMs;
    const third = await run('evaluate', '--into', into, '--indicators', indicators);
    expect(third.status).toBe(0);
    expect(third.stdout).toContain('ファイルは変えていません');
    expect(statSync(into).mtimeMs).toBe(written);
    expect(await evaluationRows(into)).toEqual(after);
  });

  test("without --indicators the workbook's own 評価指標; a list that cannot be read is a usage error and nothing is written", async () => {
    const own = join(dir, '自分の指標.xlsx');
    await writeWorkbook(own, [sampleIndicatorSheet()]);
    const r = await run('evaluate', '--into', own, '--json');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ kind: 'imported', years: [{ year: '2020', added: 21 }] });
    expect(await sheetNames(own)).toEqual(['評価指標', '事業評価']);

    const before = readFileSync(own);
    const noList = join(dir, '一覧ではない.xlsx');
    await writeWorkbook(noList, [{ name: 'メモ', rows: [['市からのお知らせ'], ['来週届きます']] }]);
    const refused = await run('evaluate', '--into', own, '--indicators', noList);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('評価指標の一覧（年度・番号・分類・指標）');
    expect(readFileSync(own).equals(before)).toBe(true);

    expect((await run('evaluate', '--indicators', noList)).status).toBe(2);
    expect((await run('evaluate', '--into', own, submissions[0] as string)).status).toBe(2);
  });
});
