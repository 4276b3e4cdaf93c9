import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consolidateDemo, DEFAULT_SEED, type DemoResult, demoSummary } from '../../src/cli/demo';
import { writeWorkbook } from '../../src/cli/xlsx-write';
import { CONSULTATIONS_SHEET } from '../../src/domain/sheets/consultations';
import { isSubmissionFileSheet } from '../../src/domain/reports/submission-file';
import { RECEIPTS_SHEET } from '../../src/domain/reports/receipts';
import { HONJO_CENTERS, sampleCenterWorkbook } from '../../src/sample/center';
import { centerLedger } from '../../src/sample/own-layout';
import { type CliRun, demoJsonRun } from '../helpers/demo';
import { everyCell, run, sheetNames } from './xlsx-files';

const ROOT = join(__dirname, '..', '..');
const HANDOUT = readFileSync(join(ROOT, 'test', 'fixtures', 'itaku-jigyosho-r3-02.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','));

interface DemoDoc {
  month: string;
  centers: {
    name: string;
    errors: number;
    warnings: number;
    total: number;
    reportErrors: number;
    activities: number;
    complaints: number;
    openComplaints: number;
  }[];
  city: {
    centers: { name: string; status: string }[];
    offices: { name: string; municipality: string; centers: string[] }[];
    newContracts: { startMonth: string; name: string }[];
  };
  files: string[];
}

describe('houkatsu demo', () => {
  // Run once for the whole test run (helpers/demo), with --json: what the tests below read.
  let a: CliRun;
  let first: string;
  /** The 提出用 files of the run, in the order of its centers: all the city part may read. */
  const submitted = (): string[] => (JSON.parse(a.stdout) as DemoDoc).files.filter((f) => f.startsWith('提出/')).map((f) => join(first, f));
  /**
   * What `houkatsu demo` prints without --json, made from this run's result and its city part: the demo runs once
   * per test run (#21), so the summary is rendered from it rather than by a second run of the whole demo.
   */
  let summary: Promise<string> | undefined;
  const summaryText = (): Promise<string> =>
    (summary ??= (async () => {
      const doc = JSON.parse(a.stdout) as DemoResult;
      return demoSummary(doc, (await consolidateDemo(submitted(), doc.month)).consolidation, first);
    })());

  beforeAll(async () => {
    const json = await demoJsonRun();
    a = json;
    first = json.dir;
  }, 180_000);

  test('four centers checked and reported, every one submitted; the files are where it says', () => {
    const doc = JSON.parse(a.stdout) as DemoDoc;
    expect(doc.month).toBe('2021-02');
    expect(doc.centers.map((c) => c.name)).toEqual(['本庄西', '本庄東', '本庄南', '児玉']);
    expect(doc.city.centers.every((c) => c.status === 'submitted')).toBe(true);
    expect(doc.files).toContain('市/市集計_2021-02.xlsx');
    for (const f of doc.files) expect(() => readFileSync(join(first, f))).not.toThrow();
  });

  test('提出/ holds only the 提出用 workbooks (月報, 事業評価, _提出データ and nothing else, no 相談者ID or 氏名); 市/ is made from them alone', async () => {
    const doc = JSON.parse(a.stdout) as DemoDoc;
    expect(existsSync(join(first, '月報'))).toBe(false);
    expect(readdirSync(first).sort()).toEqual(['センター', 'チェック済み', '市', '提出'].sort());
    const submitted = readdirSync(join(first, '提出')).sort();
    expect(submitted).toEqual(HONJO_CENTERS.map((c) => `提出用_${c.name}地域包括支援センター.xlsx`).sort());
    expect(doc.files.filter((f) => f.startsWith('提出/')).sort()).toEqual(submitted.map((f) => `提出/${f}`));
    const ids = new Set<string>();
    for (const center of HONJO_CENTERS) {
      const consultations = sampleCenterWorkbook(center, DEFAULT_SEED).sheets.find((s) => s.name === CONSULTATIONS_SHEET);
      const header = consultations?.rows.findIndex((r) => r.includes('相談者ID')) ?? -1;
      for (const title of ['相談者ID', '氏名']) {
        const column = consultations?.rows[header]?.indexOf(title) ?? -1;
        for (const row of consultations?.rows.slice(header + 1) ?? [])
          if (typeof row[column] === 'string' && String(row[column]).trim().length >= 4) ids.add(String(row[column]).trim());
      }
    }
    expect(ids.size).toBeGreaterThan(100);
    for (const file of submitted) {
      const path = join(first, '提出', file);
      const names = await sheetNames(path);
      expect(names.every(isSubmissionFileSheet)).toBe(true);
      expect([...names].sort()).toEqual(['_提出データ', '月報_2021-02', '事業評価_2020'].sort());
      const cells = await everyCell(path);
      expect(cells.filter((c) => [...ids].some((id) => c.text.includes(id)))).toEqual([]);
    }
    for (const f of ['市/市集計_2021-02.xlsx', '市/事業評価_2020.xlsx', '市/全国平均_2020.xlsx']) expect(doc.files).toContain(f);
    expect(await sheetNames(join(first, '市', '市集計_2021-02.xlsx'))).toContain(RECEIPTS_SHEET);
    expect(a.stderr).toContain('提出用ファイル');
    // Each 提出用 workbook's 月報 has section 9, and its 事業評価 the column of what the records show.
    const south = await everyCell(join(first, '提出', '提出用_本庄南地域包括支援センター.xlsx'));
    expect(south.filter((c) => c.sheet === '月報_2021-02' && c.text.includes('9. 活動・苦情'))).toHaveLength(1);
    expect(south.filter((c) => c.sheet === '事業評価_2020' && c.text.startsWith('記録から'))).toHaveLength(1);
  });

  test('委託事業所一覧 2021-02: the 41 offices of the handout under their 所在 with its number of 〇 (and the two new contracts without)', () => {
    const doc = JSON.parse(a.stdout) as DemoDoc;
    for (const [municipality, name, , count] of HANDOUT) {
      const office = doc.city.offices.find((o) => o.name === name);
      expect([name, office?.municipality, office?.centers.length]).toEqual([name, municipality, Number(count)]);
    }
    const others = doc.city.offices.filter((o) => !HANDOUT.some((h) => h[1] === o.name));
    expect(others.map((o) => o.centers.length)).toEqual([0, 0]);
    expect(doc.city.newContracts.map((n) => n.startMonth)).toEqual(['2021-01', '2021-02']);
  });

  test('each center holds a year of 活動記録 and 苦情記録; 本庄東 one complaint still open at the demo’s date', () => {
    const doc = JSON.parse(a.stdout) as DemoDoc;
    // Rows of the sample's sheets for seed 20210201, counted by hand (header, 年度's blank row and title left out).
    expect(doc.centers.map((c) => [c.name, c.activities, c.complaints, c.openComplaints])).toEqual([
      ['本庄西', 61, 3, 0],
      ['本庄東', 60, 5, 1],
      ['本庄南', 63, 5, 0],
      ['児玉', 64, 2, 0],
    ]);
  });

  test('every deliberate mess is reported with its code at its row, and nothing else is an error', async () => {
    const checks: CliRun[] = [];
    for (const center of HONJO_CENTERS) checks.push(await run('check', join(first, 'センター', `${center.name}.xlsx`), '--json', '--today', '2021-03-05'));
    // As the demo wrote the workbooks: 児玉's mess on its own sheets, headers and rows.
    const planted = HONJO_CENTERS.map((center) => centerLedger(center, DEFAULT_SEED).planted);
    const key = (i: { sheet: string; row: number; code: string }): string => `${i.sheet}!${i.row} ${i.code}`;
    HONJO_CENTERS.forEach((center, index) => {
      const r = checks[index] as CliRun;
      const issues = (JSON.parse(r.stdout) as { issues: { sheet: string; row: number; column: string; code: string; severity: string }[] }).issues;
      const mess = new Set((planted[index] ?? []).map(key));
      const reported = new Set(issues.map(key));
      // One comparison per center for all its mess (an expect() per item took most of this test's time).
      expect({ center: center.name, unreported: [...mess].filter((k) => !reported.has(k)) }).toEqual({ center: center.name, unreported: [] });
      expect(issues.filter((i) => i.severity === 'error' && !mess.has(key(i)))).toEqual([]);
    });
    // The mess of 活動記録 and 苦情記録 is among it: a 種類 and a 参加職種 as people shorten them, a 個別会議 without
    // 検討事例数, 参加者数 with 名, a complaint open since 2020-03, a 市への報告日 a month before its 受付日.
    const onRecords = planted.flat().filter((p) => p.sheet === '活動記録' || p.sheet === '苦情記録');
    expect(onRecords.map((p) => `${p.sheet}:${p.code}`).sort()).toEqual(
      [
        '活動記録:CHOICE_VARIANT',
        '活動記録:CHOICE_VARIANT',
        '活動記録:CHOICE_VARIANT',
        '活動記録:CHOICE_VARIANT',
        '活動記録:ACTIVITY_CASES_MISSING',
        '活動記録:ACTIVITY_CASES_MISSING',
        '活動記録:COUNT_NOTATION',
        '苦情記録:COMPLAINT_OPEN_LONG',
        '苦情記録:COMPLAINT_DATE_BEFORE_RECEIPT',
      ].sort(),
    );
  });

  /** 児玉's ledger as the standard sample lays it out, checked and reported as the demo does (its clock: 2021-03-05). */
  let standardKodama: Promise<{ summary: { errors: number; warnings: number }; total: number; qualityErrors: number }> | undefined;
  const kodamaAsStandard = () =>
    (standardKodama ??= (async () => {
      const kodama = HONJO_CENTERS[3];
      if (kodama?.name !== '児玉') throw new Error('児玉 is the fourth center');
      const dir = mkdtempSync(join(tmpdir(), 'demo-kodama-'));
      const file = join(dir, '児玉.xlsx');
      await writeWorkbook(file, sampleCenterWorkbook(kodama, DEFAULT_SEED).sheets);
      const check = JSON.parse((await run('check', file, '--json', '--today', '2021-03-05')).stdout) as { summary: { errors: number; warnings: number } };
      const report = JSON.parse((await run('report', '--month', '2021-02', file, '-o', join(dir, 'out.xlsx'), '--json', '--today', '2021-03-05')).stdout) as {
        consultations: { total: number };
        quality: { errors: number };
      };
      return { summary: check.summary, total: report.consultations.total, qualityErrors: report.quality.errors };
    })());

  test('児玉 keeps its ledger in its own layout with 読み替え: its own sheet names, and the counts its standard ledger gives', async () => {
    expect(await sheetNames(join(first, 'センター', '児玉.xlsx'))).toEqual([
      '設定',
      '読み替え',
      '相談台帳',
      '委託契約台帳',
      '委託実績',
      '活動記録',
      '苦情記録',
      '評価指標',
      '事業評価',
    ]);
    const doc = JSON.parse(a.stdout) as DemoDoc;
    const kodama = doc.centers.find((c) => c.name === '児玉');
    const standardLedger = await kodamaAsStandard();
    expect(standardLedger.total).toBeGreaterThan(150);
    expect({ errors: kodama?.errors, warnings: kodama?.warnings, total: kodama?.total }).toEqual({ ...standardLedger.summary, total: standardLedger.total });
    expect(await summaryText()).toContain(
      '  児玉 は自前の台帳（相談台帳・委託契約台帳、見出しや言葉もセンター独自）のまま、「読み替え」シートで読んでいます。',
    );
  });

  // Fails while monthQuality (domain/reports/monthly-report.ts) knows a sheet's rows by the standard name only.
  test('児玉’s 月報 counts the errors left in the month as its standard ledger would', async () => {
    const doc = JSON.parse(a.stdout) as DemoDoc;
    expect(doc.centers.find((c) => c.name === '児玉')?.reportErrors).toBe((await kodamaAsStandard()).qualityErrors);
  });

  test('a human summary in Japanese by default: every figure of the run, the city’s sums and where the files are', async () => {
    const doc = JSON.parse(a.stdout) as DemoResult;
    const text = await summaryText();
    expect(text).toMatch(/委託事業所一覧: 43 事業所（うち〇のある事業所 40）/);
    expect(text).toContain(
      '  1年分の活動記録・苦情記録: 本庄西 活動 61 件・苦情 3 件、本庄東 活動 60 件・苦情 5 件（うち未完了 1 件）、本庄南 活動 63 件・苦情 5 件、児玉 活動 64 件・苦情 2 件（名称・把握した課題・対応・内容メモはセンターのブックに残ります）',
    );
    for (const c of doc.centers)
      expect(text).toContain(`  ${c.name}: エラー ${c.errors} 件・注意 ${c.warnings} 件（わざと入れた表記ゆれ・書き漏れ）／ 延べ件数 ${c.total} 件`);
    expect(text).toContain(`  提出状況: ${doc.centers.map((c) => `${c.name}地域包括支援センター 提出済み`).join('、')}`);
    expect(text).toContain(`書き出したファイル（${first}）:\n${doc.files.map((f) => `  ${f}`).join('\n')}\n`);
    expect(text).toContain('提出/提出用_本庄西地域包括支援センター.xlsx');
    expect(text).not.toContain('月報/');
    // 月報 section 9 summed for the city, and the year's records beside the いいえ they explain.
    expect(text).toMatch(
      /活動・苦情（2021年2月（令和3年2月）、4 センターの計）: 地域ケア個別会議 \d+ 回（事例 \d+ 件）・活動 \d+ 件（参加 \d+ 人）、苦情 受付 \d+ 件/,
    );
    expect(text).toMatch(/記録から（本庄南 指標15）: 個別会議 \d+ 回・事例 \d+ 件、.*歯科医師の参加 0 回・薬剤師の参加 0 回/);
  });

  test('the same seed gives the same result wherever it runs: a center’s workbook and the city’s, made again in another folder, hold the same cells', async () => {
    expect(a.status).toBe(0);
    expect(a.stderr).toContain('市: 各センターの提出データを集計…');
    const again = mkdtempSync(join(tmpdir(), 'demo-again-'));
    // 児玉's ledger, the one in its own layout, generated again from the seed and written as the demo writes it.
    const kodama = HONJO_CENTERS.find((c) => c.name === '児玉');
    if (!kodama) throw new Error('児玉 is one of the sample centers');
    await writeWorkbook(join(again, '児玉.xlsx'), centerLedger(kodama, DEFAULT_SEED).sheets);
    expect(await everyCell(join(again, '児玉.xlsx'))).toEqual(await everyCell(join(first, 'センター', '児玉.xlsx')));
    // The city's workbook and document from 提出/ alone, in another folder.
    const doc = JSON.parse(a.stdout) as DemoDoc;
    const city = await consolidateDemo(submitted(), doc.month, join(again, '市集計.xlsx'));
    expect(city.document).toEqual(doc.city);
    expect(await everyCell(join(again, '市集計.xlsx'))).toEqual(await everyCell(join(first, '市', '市集計_2021-02.xlsx')));
  });
});
