import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWorkbook } from '../../src/cli/xlsx-write';
import { HONJO_CENTERS, sampleCenterWorkbook } from '../../src/sample/center';
import { sampleNationalSheet } from '../../src/sample/evaluation';
import { run, sheetNames } from './xlsx-files';

interface Comparison {
  year: string;
  categories: string[];
  centers: { name: string; status: string; reason?: string; rates: Record<string, number> }[];
  city: Record<string, number>;
  national: Record<string, number>;
  no: { center: string; note: string }[];
}

const fullName = (name: string): string => `${name}地域包括支援センター`;
const dir = mkdtempSync(join(tmpdir(), 'houkatsu-eval-'));
const centers: string[] = [];
const submissions: string[] = [];
let national = '';

beforeAll(async () => {
  for (const center of HONJO_CENTERS) {
    const file = join(dir, `${center.name}.xlsx`);
    await writeWorkbook(file, sampleCenterWorkbook(center, 3).sheets);
    centers.push(file);
    const out = join(dir, `提出用_${center.name}.xlsx`);
    const r = run('report', '--month', '2021-02', file, '-o', out, '--year', '令和2年度', '--today', '2021-03-05');
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
    const r = run('evaluate', '--year', '令和2年度', ...submissions, '--national', national, '--json', '-o', out);
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
    const bad = run('evaluate', ...submissions);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('年度');
  });

  test("a center's own workbook is 読めない and its 事業評価 is not read (exit 1); a 提出用 workbook without the year is 未提出", () => {
    const monthOnly = join(dir, '提出用_月報だけ.xlsx');
    expect(run('report', '--month', '2021-02', centers[0] as string, '-o', monthOnly, '--today', '2021-03-05').status).toBeLessThanOrEqual(1);
    const r = run('evaluate', '--year', '2020', submissions[1] as string, centers[3] as string, monthOnly, '--json');
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
