import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWorkbook } from '../../src/cli/xlsx-write';
import { fingerprintOf } from '../../src/domain/reports/fingerprint';
import type { Submission } from '../../src/domain/reports/submission';
import type { CellValue } from '../../src/domain/values/cell';
import { ACTIVITY_ROWS, cityRows, COMPLAINT_ROWS, PAYLOAD_ACTIVITIES, PAYLOAD_COMPLAINTS, SECRETS, SECTION_NINE, sectionNine } from '../helpers/activities';
import { consultations, CONSULTATION_HEADER, contract, CONTRACT_HEADER, delegation, DELEGATION_HEADER } from '../helpers/center';
import { storeRows } from '../helpers/submissions';
import { everyCell, run, sheetRows } from './xlsx-files';

/**
 * Issue 19 on real .xlsx files through the runner: 月報 section 9, the payload's `activities` and `complaints`,
 * 市集計's columns for them (an older payload without them: empty cells), and none of the text that stays in
 * the center (名称, 把握した課題, 担当, 対応, 内容メモ, a person's words where 種類 belongs) in any output.
 */
const dir = mkdtempSync(join(tmpdir(), 'houkatsu-activities-'));
const TODAY = '2026-11-20';

/** Rows as helpers/center lays them out, as the cells writeWorkbook writes (a Date in Japan time → its calendar date). */
function cells(rows: readonly (readonly unknown[])[]): CellValue[][] {
  return rows.map((r) =>
    r.map((v): CellValue => {
      if (v instanceof Date) return { kind: 'date', iso: new Date(v.getTime() + 9 * 3600 * 1000).toISOString().slice(0, 10) };
      return v === '' ? null : (v as CellValue);
    }),
  );
}

async function centerBook(): Promise<string> {
  const path = join(dir, '本庄西.xlsx');
  await writeWorkbook(path, [
    {
      name: '設定',
      rows: [
        ['項目', '値'],
        ['センター名', '本庄西'],
        ['センターコード', '11211-01'],
        ['市区町村名', '本庄市'],
      ],
    },
    { name: '相談記録', rows: cells([CONSULTATION_HEADER, ...consultations(5)]) },
    { name: '委託契約', rows: cells([CONTRACT_HEADER, contract()]) },
    { name: '委託実績', rows: cells([DELEGATION_HEADER, delegation()]) },
    { name: '活動記録', rows: cells(ACTIVITY_ROWS) },
    { name: '苦情記録', rows: cells(COMPLAINT_ROWS) },
  ]);
  return path;
}

/** Another center's 提出用 file holding a payload made before `activities` and `complaints` existed. */
async function olderSubmissionFile(current: Submission): Promise<string> {
  const { activities: _a, complaints: _c, fingerprint: _f, ...rest } = current;
  const older = { ...rest, center: { name: '本庄東', code: '11211-02', municipality: '本庄市' } };
  const path = join(dir, '提出用_本庄東.xlsx');
  await writeWorkbook(path, [{ name: '_提出データ', rows: storeRows([{ ...older, fingerprint: fingerprintOf(older) } as Submission]) }]);
  return path;
}

const leaks = (text: string): string[] => SECRETS.filter((s) => text.includes(s));
const blankAsEmpty = (rows: unknown[][]): unknown[][] => rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : v)));

test('section 9, the payload fields and 市集計 from real files, and nothing of the center’s text in any of them', async () => {
  const center = await centerBook();
  const inCenter = (await everyCell(center)).map((c) => c.text).join('\n');
  for (const secret of SECRETS) expect(inCenter).toContain(secret);

  const submission = join(dir, '提出用_本庄西.xlsx');
  const outputs: string[] = [];
  const json = await run('report', '--month', '2026-10', center, '-o', submission, '--json', '--today', TODAY);
  expect(json.stderr).toBe('');
  expect(json.status).toBe(1); // the person's words where 種類 belongs are an error of the month
  const payload = JSON.parse(json.stdout) as Submission;
  expect(payload.activities).toEqual(PAYLOAD_ACTIVITIES);
  expect(payload.complaints).toEqual(PAYLOAD_COMPLAINTS);
  const human = await run('report', '--month', '2026-10', center, '-o', submission, '--today', TODAY);
  outputs.push(json.stdout, human.stdout, human.stderr);

  // The 月報 in the 提出用 file, as the city's people read it.
  expect(sectionNine(await sheetRows(submission, '月報_2026-10'))).toEqual(SECTION_NINE);

  const older = await olderSubmissionFile(payload);
  const city = join(dir, '市集計.xlsx');
  const c = await run('consolidate', '--month', '2026-10', submission, older, '-o', city, '--json');
  expect(c.stderr).toBe('');
  expect(c.status).toBe(0);
  const doc = JSON.parse(c.stdout) as { centers: { name: string; status: string; activities?: unknown; complaints?: unknown }[] };
  expect(doc.centers.map((x) => [x.name, x.status, x.activities, x.complaints])).toEqual([
    ['本庄西', 'submitted', { careMeetings: 2, cases: 3, activities: 4, participants: 54 }, { received: 2, open: 2, reported: 1 }],
    ['本庄東', 'submitted', undefined, undefined],
  ]);
  outputs.push(c.stdout, (await run('consolidate', '--month', '2026-10', submission, older, '-o', city)).stdout);

  const totals = blankAsEmpty(await sheetRows(city, '市集計_2026-10'));
  const at = totals.findIndex((r) => r[0] === '■ 活動・苦情');
  // 本庄東's payload predates the fields: its cells are empty, not 0, and 計 is 本庄西's alone.
  const expected = cityRows('本庄西').map((r) => [r[0], r[1], r[0] === '項目' ? '本庄東' : '', r[2]]);
  expect(totals.slice(at + 1, at + 9).map((r) => r.slice(0, 4))).toEqual(expected);

  for (const file of [submission, city]) {
    const found = (await everyCell(file)).flatMap((x) => leaks(x.text).map((s) => `${file} ${x.sheet}!${x.address}: ${s}`));
    expect(found).toEqual([]);
  }
  for (const out of outputs) expect(leaks(out)).toEqual([]);
});
