import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeWorkbook } from '../../src/cli/xlsx-write';
import { HONJO_CENTERS, sampleCenterWorkbook } from '../../src/sample/center';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'houkatsu-city-'));
const HANDOUT = readFileSync(join(ROOT, 'test', 'fixtures', 'itaku-jigyosho-r3-02.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));

interface Doc {
  month: string;
  centers: { name: string; status: string; reason?: string }[];
  offices: { officeNumber: string; name: string; corporation: string; address: string; municipality: string; contractedBy: string[]; centers: string[]; cases: number }[];
  newContracts: { startMonth: string; municipality: string; name: string; address: string; center: string }[];
  warnings: { kind: string; message: string }[];
}

let files: string[] = [];
beforeAll(async () => {
  files = [];
  for (const center of HONJO_CENTERS) {
    const book = sampleCenterWorkbook(center, 7);
    const file = join(dir, `${center.name}.xlsx`);
    await writeWorkbook(file, book.sheets);
    files.push(file);
  }
});

function run(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

describe('houkatsu consolidate', () => {
  test('four center workbooks: 資料3 rebuilt (grouping, 〇 per office, 新規委託), as JSON of SPEC §6 and as sheets', async () => {
    const out = join(dir, 'city.xlsx');
    const r = run('consolidate', '--month', '2021-02', '--since', '2021-01', '--order', '上里町,美里町,深谷市,伊勢崎市,群馬県藤岡市', ...files, '-o', out, '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.month).toBe('2021-02');
    expect(doc.centers.map((c) => [c.name, c.status])).toEqual(HONJO_CENTERS.map((c) => [c.name, 'submitted']));
    expect([...new Set(doc.offices.map((o) => o.municipality))]).toEqual(['本庄市', '上里町', '美里町', '深谷市', '伊勢崎市', '群馬県藤岡市']);
    for (const [municipality, name, , count] of HANDOUT) {
      const office = doc.offices.find((o) => o.name === name);
      expect([name, office?.municipality, office?.centers.length]).toEqual([name, municipality, Number(count)]);
      expect(office?.contractedBy.length).toBeGreaterThan(0);
      expect(office?.officeNumber).toMatch(/^\d{10}$/);
    }
    expect(doc.offices.find((o) => o.name === 'けあビジョン本庄')).toMatchObject({ centers: [], cases: 0 });
    expect(doc.newContracts.map((n) => [n.startMonth, n.municipality])).toEqual([
      ['2021-01', '上里町'],
      ['2021-02', '本庄市'],
    ]);
    expect(doc.newContracts[0]?.name).toContain('ルピナス会');
    expect(doc.newContracts[1]?.name).toBe('のんびり森');
    expect(doc.warnings.some((w) => w.kind === 'office-disagreement' && w.message.includes('西五十子375-7-201') && w.message.includes('けや木2-4-5'))).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['提出状況_2021-02', '市集計_2021-02', '委託事業所一覧_2021-02', '新規委託_2021-02']);
  });

  test('report workbooks are read from _提出データ; a broken file is a center 読めない, not a crash (exit 1)', () => {
    const reports = files.slice(0, 2).map((file, i) => {
      const out = join(dir, `${HONJO_CENTERS[i]?.name}_月報_2021-02.xlsx`);
      expect(run('report', '--month', '2021-02', file, '-o', out).status).toBeLessThanOrEqual(1);
      return out;
    });
    const broken = join(dir, '壊れた.xlsx');
    writeFileSync(broken, 'not a zip');
    const r = run('consolidate', '--month', '2021-02', ...reports, broken, '--json');
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.centers.map((c) => [c.name, c.status])).toEqual([
      ['本庄西', 'submitted'],
      ['本庄東', 'submitted'],
      ['壊れた', 'unreadable'],
    ]);
    expect(doc.centers[2]?.reason).toMatch(/読めませんでした/);
  });

  test('a report workbook of another month counts as 未提出 with the reason', () => {
    const out = join(dir, 'old.xlsx');
    run('report', '--month', '2021-01', files[0] as string, '-o', out);
    const r = run('consolidate', '--month', '2021-02', out, '--json');
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.centers[0]).toMatchObject({ status: 'missing', reason: expect.stringContaining('まだ提出されていません') });
  });
});
