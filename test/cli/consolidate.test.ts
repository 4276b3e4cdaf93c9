import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReceipts, RECEIPTS_SHEET } from '../../src/domain/reports/receipts';
import { MONTHLY_REPORT_KIND } from '../../src/domain/reports/submission';
import { SUBMISSIONS_SHEET } from '../../src/domain/reports/submission-store';
import { HONJO_CENTERS } from '../../src/sample/center';
import { demoJsonRun } from '../helpers/demo';
import { consultation, consultations, CONSULTATION_HEADER, contract, CONTRACT_HEADER, delegation, DELEGATION_HEADER, jst } from '../helpers/center';
import { readBook, ROOT, run, sheetNames, sheetRows, writeBook } from './xlsx-files';

const dir = mkdtempSync(join(tmpdir(), 'houkatsu-city-'));
const HANDOUT = readFileSync(join(ROOT, 'test', 'fixtures', 'itaku-jigyosho-r3-02.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','));
/** The sample's 設定 names each center in full; the city's sheets use the name in the payload. */
const fullName = (name: string): string => `${name}地域包括支援センター`;

interface Doc {
  month: string;
  centers: { name: string; status: string; reason?: string }[];
  offices: {
    officeNumber: string;
    name: string;
    corporation: string;
    address: string;
    municipality: string;
    contractedBy: string[];
    centers: string[];
    cases: number;
  }[];
  newContracts: { startMonth: string; municipality: string; name: string; address: string; center: string }[];
  warnings: { kind: string; message: string }[];
}

/**
 * Each sample center's own workbook and the 提出用 workbook its 月報 of 2021-02 went into: the demo's (run once for
 * the whole test run, test/helpers/demo.ts), read and never changed here. 児玉's is in its own layout (相談台帳).
 */
const centers: string[] = [];
const submissions: string[] = [];
beforeAll(async () => {
  const demo = await demoJsonRun();
  expect(demo.status).toBe(0);
  for (const center of HONJO_CENTERS) {
    centers.push(join(demo.dir, 'センター', `${center.name}.xlsx`));
    submissions.push(join(demo.dir, '提出', `提出用_${fullName(center.name)}.xlsx`));
  }
}, 180_000);

describe('houkatsu consolidate', () => {
  test('four 提出用 workbooks: 資料3 rebuilt (grouping, 〇 per office, 新規委託), as JSON of SPEC §6 and as sheets with the receipts', async () => {
    const out = join(dir, 'city.xlsx');
    const r = await run(
      'consolidate',
      '--month',
      '2021-02',
      '--since',
      '2021-01',
      '--order',
      '上里町,美里町,深谷市,伊勢崎市,群馬県藤岡市',
      ...submissions,
      '-o',
      out,
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.month).toBe('2021-02');
    expect(doc.centers.map((c) => [c.name, c.status])).toEqual(HONJO_CENTERS.map((c) => [fullName(c.name), 'submitted']));
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
    expect(doc.warnings.some((w) => w.kind === 'office-disagreement' && w.message.includes('西五十子375-7-201') && w.message.includes('けや木2-4-5'))).toBe(
      true,
    );

    expect(await sheetNames(out)).toEqual(['提出状況_2021-02', '市集計_2021-02', '委託事業所一覧_2021-02', '新規委託_2021-02', RECEIPTS_SHEET]);
    // 委託事業所一覧's header wraps, so that a center's full name shows over its narrow column of 〇.
    const offices = (await readBook(out)).getWorksheet('委託事業所一覧_2021-02');
    const header = offices?.getRow(3);
    expect([4, 5, 6, 7].map((c) => [String(header?.getCell(c).value ?? ''), header?.getCell(c).alignment?.wrapText])).toEqual(
      HONJO_CENTERS.map((c) => [fullName(c.name), true]),
    );
    expect(offices?.getRow(4).getCell(4).alignment?.wrapText).toBeFalsy();
    // …and its row is as tall as the lines it wraps onto: an .xlsx row keeps one line's height otherwise.
    expect(offices?.getRow(3).height).toBeGreaterThanOrEqual(32);
    expect(offices?.getRow(4).height ?? 15).toBeLessThan(20);
    const receipts = readReceipts((await sheetRows(out, RECEIPTS_SHEET)) as never);
    expect(receipts.map((x) => [x.center, x.kind, x.period])).toEqual(HONJO_CENTERS.map((c) => [fullName(c.name), MONTHLY_REPORT_KIND, '2021-02']));
    for (const x of receipts) expect(JSON.parse(x.json)).toMatchObject({ fingerprint: x.fingerprint, month: '2021-02' });
  });

  test("a center's own workbook is 読めない with the reason and nothing of it is read, even with a valid _提出データ inside; the others are consolidated (exit 1)", async () => {
    // A center workbook that still holds the _提出データ the runner used to write into it: refused all the same.
    const ledger = join(dir, 'ledger.xlsx');
    const wb = await readBook(centers[2] as string);
    const store = wb.addWorksheet(SUBMISSIONS_SHEET);
    for (const row of await sheetRows(submissions[2] as string, SUBMISSIONS_SHEET)) store.addRow(row);
    await wb.xlsx.writeFile(ledger);
    const before = readFileSync(ledger);

    const r = await run('consolidate', '--month', '2021-02', submissions[0] as string, ledger, centers[3] as string, submissions[1] as string, '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.centers.map((c) => [c.name, c.status])).toEqual([
      [fullName('本庄西'), 'submitted'],
      ['ledger', 'unreadable'],
      ['児玉', 'unreadable'],
      [fullName('本庄東'), 'submitted'],
    ]);
    for (const c of doc.centers.filter((x) => x.status === 'unreadable')) expect(c.reason).toContain('提出用ファイルではありません');
    // Whatever the center calls its sheets: 児玉 keeps its consultations on 相談台帳.
    expect(doc.centers[1]?.reason).toContain('「相談記録」');
    expect(doc.centers[2]?.reason).toContain('「相談台帳」');
    // Nothing of the refused files counts: only the two submitted centers' offices carry a 〇.
    const delegating = new Set(doc.offices.flatMap((o) => o.centers));
    expect([...delegating].sort()).toEqual([fullName('本庄西'), fullName('本庄東')].sort());
    expect(readFileSync(ledger).equals(before)).toBe(true);

    const human = await run('consolidate', '--month', '2021-02', centers[3] as string);
    expect(human.status).toBe(1);
    expect(human.stdout).toContain('児玉: 読めない（提出用ファイルではありません');
  });

  test("the center's name comes from the payload, whatever the file is called; the file name only when there is no payload", async () => {
    const renamed = join(dir, 'なにかのファイル.xlsx');
    copyFileSync(submissions[0] as string, renamed);
    const empty = join(dir, '提出用_新センター.xlsx');
    await writeBook(empty, [[SUBMISSIONS_SHEET, [['種類', '対象', '状態', '提出日時', '指紋', 'スキーマ版', '本文の数', '本文']]]]);
    const broken = join(dir, '壊れた.xlsx');
    writeFileSync(broken, 'not a zip');
    const r = await run('consolidate', '--month', '2021-02', renamed, empty, broken, '--json');
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.centers.map((c) => [c.name, c.status])).toEqual([
      [fullName('本庄西'), 'submitted'],
      ['新センター', 'missing'],
      ['壊れた', 'unreadable'],
    ]);
    expect(doc.centers[2]?.reason).toMatch(/読めませんでした/);
    expect(doc.offices.filter((o) => o.centers.length > 0).every((o) => o.centers.every((c) => c === fullName('本庄西')))).toBe(true);
  });

  test('a 提出用 workbook of another month counts as 未提出 with the reason', async () => {
    const out = join(dir, 'old.xlsx');
    expect((await run('report', '--month', '2021-01', centers[0] as string, '-o', out, '--today', '2021-03-05')).status).toBeLessThanOrEqual(1);
    const r = await run('consolidate', '--month', '2021-02', out, '--json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.centers[0]).toMatchObject({ name: fullName('本庄西'), status: 'missing', reason: expect.stringContaining('まだ提出されていません') });
  });

  test('into an existing OUT: earlier receipts kept, a payload replaced since is 再提出 in 提出状況, and the earlier one stays on record', async () => {
    const small = (extra: unknown[][]): [string, unknown[][]][] => [
      [
        '設定',
        [
          ['項目', '値'],
          ['センター名', '本庄西'],
          ['センターコード', '11211-01'],
          ['市区町村名', '本庄市'],
        ],
      ],
      ['相談記録', [CONSULTATION_HEADER, ...consultations(10), ...extra]],
      ['委託契約', [CONTRACT_HEADER, contract()]],
      ['委託実績', [DELEGATION_HEADER, delegation()]],
    ];
    const first = await writeBook(join(dir, 'small-1.xlsx'), small([]));
    const corrected = await writeBook(join(dir, 'small-2.xlsx'), small([consultation({ 受付日: jst('2026-10-30'), 相談者ID: 'P-late' })]));
    const submission = join(dir, '提出用_本庄西-small.xlsx');
    const city = join(dir, 'city-receipts.xlsx');
    expect((await run('report', '--month', '2026-10', first, '-o', submission, '--today', '2026-11-23')).status).toBe(0);
    const once = await run('consolidate', '--month', '2026-10', submission, '-o', city, '--json');
    expect(once.status).toBe(0);
    expect((JSON.parse(once.stdout) as Doc).centers[0]).toMatchObject({ name: '本庄西', status: 'submitted' });
    expect((JSON.parse(once.stdout) as Doc).centers[0]?.reason).toBeUndefined();
    // The same file again: nothing new to record, nothing to say.
    const twice = await run('consolidate', '--month', '2026-10', submission, '-o', city, '--json');
    expect((JSON.parse(twice.stdout) as Doc).centers[0]?.reason).toBeUndefined();
    expect(readReceipts((await sheetRows(city, RECEIPTS_SHEET)) as never)).toHaveLength(1);

    expect((await run('report', '--month', '2026-10', corrected, '-o', submission, '--today', '2026-11-23')).status).toBe(0);
    const again = await run('consolidate', '--month', '2026-10', submission, '-o', city, '--json');
    expect(again.status).toBe(0);
    const center = (JSON.parse(again.stdout) as Doc).centers[0];
    expect(center).toMatchObject({ name: '本庄西', status: 'submitted', reason: expect.stringContaining('再提出') });
    const receipts = readReceipts((await sheetRows(city, RECEIPTS_SHEET)) as never);
    expect(receipts).toHaveLength(2);
    expect(new Set(receipts.map((x) => x.fingerprint)).size).toBe(2);
    expect(receipts.map((x) => JSON.parse(x.json).consultations.total)).toEqual([10, 11]);
    expect((await sheetNames(city)).filter((n) => n === RECEIPTS_SHEET)).toHaveLength(1);
  });
});
