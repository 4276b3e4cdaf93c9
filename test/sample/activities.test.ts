import type { Activity } from '../../src/domain/sheets/activities';
import type { Complaint } from '../../src/domain/sheets/complaints';
import { readSettings, SETTINGS_SHEET } from '../../src/domain/sheets/settings';
import type { RawSheet } from '../../src/domain/sheets/table';
import { readWorkbook, type WorkbookReading } from '../../src/domain/sheets/workbook-check';
import type { CellValue } from '../../src/domain/values/cell';
import { HONJO_CENTERS, sampleCenterActivities, sampleCenterWorkbook, sampleSettings, type SampleWorkbook } from '../../src/sample/center';
import { rawSheet } from '../helpers/tables';
import { readSample } from './read-sample';

const SEED = 20210201;
const samples: SampleWorkbook[] = HONJO_CENTERS.map((c) => sampleCenterWorkbook(c, SEED));
const readings: WorkbookReading[] = samples.map(readSample);
const NAMES = ['本庄西', '本庄東', '本庄南', '児玉'];
/** The 12 months of the sample, and the part of 年度 2020 (令和2年度) in it. */
const MONTHS = ['2020-03', '2020-04', '2020-05', '2020-06', '2020-07', '2020-08', '2020-09', '2020-10', '2020-11', '2020-12', '2021-01', '2021-02'];
const FISCAL_2020 = MONTHS.slice(1);

const MEETING = '地域ケア個別会議';
const month = (a: { heldOn?: string }): string => a.heldOn?.slice(0, 7) ?? '';
const ofKind = (r: WorkbookReading, kind: string): Activity[] => r.activities.filter((a) => a.kind === kind);
const sheetRows = (sample: SampleWorkbook, name: string): CellValue[][] => {
  const sheet = sample.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.rows;
};
/** The cell of a row (as the spreadsheet numbers it) under a header, the header found in the sheet's own rows. */
const cellAt = (sample: SampleWorkbook, name: string, row: number, header: string): CellValue | undefined => {
  const rows = sheetRows(sample, name);
  const headerRow = rows.find((r) => r.includes('受付日') || r.includes('実施日')) ?? [];
  return rows[row - 1]?.[headerRow.indexOf(header)];
};

describe('活動記録: a year of meetings, classes and events in each center', () => {
  test.each(NAMES.map((name, i) => [name, i] as const))('%s: about 60 rows, every one of the 12 months, every kind of the policies', (_name, i) => {
    const r = readings[i] as WorkbookReading;
    expect(r.activities.length).toBeGreaterThanOrEqual(45);
    expect(r.activities.length).toBeLessThanOrEqual(80);
    expect([...new Set(r.activities.map(month))].sort()).toEqual(MONTHS);
    // 個別会議 about monthly: each month one, now and then two; 1 to 3 cases each where the count was written.
    const meetings = ofKind(r, MEETING);
    expect([...new Set(meetings.map(month))].sort()).toEqual(MONTHS);
    expect(meetings.length).toBeLessThanOrEqual(24);
    for (const m of meetings.filter((x) => x.cases !== undefined))
      expect([m.row, m.cases !== undefined && m.cases >= 1 && m.cases <= 3]).toEqual([m.row, true]);
    // 推進会議 three times a year; ケアマネ support every other month; classes often; サポーター養成講座 and 連絡会 a few times.
    expect(ofKind(r, '地域ケア推進会議').map(month)).toEqual(['2020-07', '2020-11', '2021-02']);
    expect(ofKind(r, '介護支援専門員支援（事例検討会・勉強会・情報交換会）').map(month)).toEqual([
      '2020-03',
      '2020-05',
      '2020-07',
      '2020-09',
      '2020-11',
      '2021-01',
    ]);
    expect(ofKind(r, '介護予防教室・講座').length).toBeGreaterThanOrEqual(20);
    expect(ofKind(r, '認知症サポーター養成講座').map(month)).toEqual(['2020-06', '2020-10', '2021-01']);
    expect(ofKind(r, 'ネットワーク連絡会・地域の会議').map(month)).toEqual(['2020-05', '2020-08', '2020-11', '2021-02']);
    // The classes stopped under the first 緊急事態宣言; the meetings did not.
    expect(ofKind(r, '介護予防教室・講座').filter((a) => ['2020-04', '2020-05'].includes(month(a)))).toEqual([]);
    // Everyone who came was counted: at least as many participants as professions named.
    for (const a of r.activities) expect([a.row, (a.participants ?? 0) >= a.professions.length]).toEqual([a.row, true]);
  });

  test('the 個別会議 bring the professions of the policies: 医師・管理栄養士・歯科衛生士・理学療法士・介護支援専門員・民生委員 in every center', () => {
    for (const r of readings) {
      const attended = new Set(ofKind(r, MEETING).flatMap((a) => a.professions));
      for (const p of ['医師', '管理栄養士', '歯科衛生士', '理学療法士', '介護支援専門員', '民生委員']) expect([p, attended.has(p)]).toEqual([p, true]);
    }
  });

  test('本庄南 has no 歯科医師 or 薬剤師 at any 個別会議, as its 事業評価 says; each other center has both in 年度 2020', () => {
    const attendedIn2020 = (r: WorkbookReading): Set<string> =>
      new Set(
        ofKind(r, MEETING)
          .filter((a) => FISCAL_2020.includes(month(a)))
          .flatMap((a) => a.professions),
      );
    const south = readings[2] as WorkbookReading;
    expect(ofKind(south, MEETING).filter((a) => a.professions.includes('歯科医師') || a.professions.includes('薬剤師'))).toEqual([]);
    // nor at any of its other activities: its answer says 医師のみ
    expect(south.activities.filter((a) => a.professions.includes('歯科医師') || a.professions.includes('薬剤師'))).toEqual([]);
    const answer = sheetRows(samples[2] as SampleWorkbook, '事業評価').find((row) => row[1] === '15');
    expect(answer?.slice(4)).toEqual(['いいえ', '歯科医師・薬剤師の参加は年度内に調整中のため、医師のみの参加となった']);
    for (const i of [0, 1, 3]) {
      const attended = attendedIn2020(readings[i] as WorkbookReading);
      expect([NAMES[i], attended.has('歯科医師'), attended.has('薬剤師')]).toEqual([NAMES[i], true, true]);
    }
  });

  test.each([1, 42, 987654321])('with seed %i too: 本庄南 without 歯科医師・薬剤師, the others with both in 年度 2020', (seed) => {
    HONJO_CENTERS.forEach((center, i) => {
      // The workbook's 活動記録 for the seed (its own stream), read beside 設定 without the year of 相談記録.
      const activities: SampleWorkbook = {
        center,
        sheets: [{ name: SETTINGS_SHEET, rows: sampleSettings(center) }, sampleCenterActivities(center, seed).sheet],
        planted: [],
      };
      const meetings = ofKind(readSample(activities), MEETING).filter((a) => FISCAL_2020.includes(month(a)));
      const has = (p: string): boolean => meetings.some((a) => a.professions.includes(p));
      expect([center.name, has('歯科医師'), has('薬剤師')]).toEqual([center.name, i !== 2, i !== 2]);
    });
  });
});

describe('苦情記録: a few complaints a year in each center', () => {
  const complaintsOf = (i: number): Complaint[] => (readings[i] as WorkbookReading).complaints;

  test('two to five a year, each closed within the year and reported after it was received (but the one planted)', () => {
    readings.forEach((r, i) => {
      expect(r.complaints.length).toBeGreaterThanOrEqual(2);
      expect(r.complaints.length).toBeLessThanOrEqual(5);
      const plantedRows = (samples[i] as SampleWorkbook).planted.filter((p) => p.sheet === '苦情記録').map((p) => p.row);
      for (const c of r.complaints) {
        expect(MONTHS).toContain(c.receivedOn?.slice(0, 7));
        if (c.closedOn !== undefined) expect([c.row, c.closedOn >= (c.receivedOn ?? ''), c.closedOn <= '2021-02-28']).toEqual([c.row, true, true]);
        if (c.reportedOn !== undefined && !plantedRows.includes(c.row)) expect([c.row, c.reportedOn >= (c.receivedOn ?? '')]).toEqual([c.row, true]);
      }
    });
    // Some reached the city.
    expect(readings.flatMap((r) => r.complaints.filter((c) => c.reportedOn !== undefined)).length).toBeGreaterThanOrEqual(2);
  });

  test('only 本庄東 has one still open, from 2020-03-21: 349 days at the demo’s 2021-03-05', () => {
    const open = readings.map((r) => r.complaints.filter((c) => c.closedOn === undefined).map((c) => c.receivedOn));
    expect(open).toEqual([[], ['2020-03-21'], [], []]);
    expect(complaintsOf(1)[0]?.receivedOn).toBe('2020-03-21');
  });
});

describe('the same seed gives the same rows; each center its own', () => {
  test('活動記録 and 苦情記録 again from the seed, and four different year', () => {
    HONJO_CENTERS.forEach((center, i) => {
      const again = sampleCenterWorkbook(center, SEED);
      for (const name of ['活動記録', '苦情記録']) expect(sheetRows(again, name)).toEqual(sheetRows(samples[i] as SampleWorkbook, name));
      // Made alone (as the test over many seeds makes it), 活動記録 is the workbook's, its planted mess too.
      const alone = sampleCenterActivities(center, SEED);
      expect(alone.sheet.rows).toEqual(sheetRows(samples[i] as SampleWorkbook, '活動記録'));
      expect(alone.planted).toEqual((samples[i] as SampleWorkbook).planted.filter((p) => p.sheet === '活動記録'));
    });
    const firstRows = samples.map((s) => JSON.stringify(sheetRows(s, '活動記録').slice(1, 20)));
    expect(new Set(firstRows).size).toBe(4);
    const other = sampleCenterWorkbook(HONJO_CENTERS[0] ?? { name: '', code: '', idPrefix: '' }, SEED + 1);
    expect(sheetRows(other, '活動記録')).not.toEqual(sheetRows(samples[0] as SampleWorkbook, '活動記録'));
  });
});

describe('the planted mess of 活動記録 and 苦情記録', () => {
  const plantedOn = (sample: SampleWorkbook) =>
    sample.planted.filter((p) => p.sheet === '活動記録' || p.sheet === '苦情記録').map((p) => [p.sheet, p.header, p.code]);

  test('a few per center, 児玉 (read through 読み替え) clean', () => {
    expect(samples.map(plantedOn)).toEqual([
      [
        ['活動記録', '種類', 'CHOICE_VARIANT'],
        ['活動記録', '検討事例数', 'ACTIVITY_CASES_MISSING'],
        ['苦情記録', '市への報告日', 'COMPLAINT_DATE_BEFORE_RECEIPT'],
      ],
      [
        ['活動記録', '参加職種', 'CHOICE_VARIANT'],
        ['活動記録', '参加者数', 'COUNT_NOTATION'],
        ['苦情記録', '対応完了日', 'COMPLAINT_OPEN_LONG'],
      ],
      [
        ['活動記録', '参加職種', 'CHOICE_VARIANT'],
        ['活動記録', '検討事例数', 'ACTIVITY_CASES_MISSING'],
        ['活動記録', '種類', 'CHOICE_VARIANT'],
      ],
      [],
    ]);
  });

  test('each is in the cell it names, as a person typed it', () => {
    const kinds = new Set(['地域ケア個別会議', '介護支援専門員支援（事例検討会・勉強会・情報交換会）', '介護予防教室・講座', 'ネットワーク連絡会・地域の会議']);
    samples.forEach((sample) => {
      for (const p of sample.planted.filter((x) => x.sheet === '活動記録' || x.sheet === '苦情記録')) {
        const cell = cellAt(sample, p.sheet, p.row, p.header);
        const kindOfRow = cellAt(sample, p.sheet, p.row, '種類');
        if (p.header === '種類') expect(['個別会議', '介護支援専門員支援', '介護予防教室', 'ネットワーク連絡会']).toContain(cell);
        if (p.header === '種類') expect(kinds.has(String(cell))).toBe(false);
        if (p.header === '参加職種') expect(String(cell).split('、')).toContain('ケアマネ');
        if (p.header === '検討事例数') expect([cell, kindOfRow]).toEqual([null, '地域ケア個別会議']);
        if (p.header === '参加者数') expect(String(cell)).toMatch(/^\d+名$/);
        if (p.header === '対応完了日') expect([cell, cellAt(sample, p.sheet, p.row, '受付日')]).toEqual([null, { kind: 'date', iso: '2020-03-21' }]);
        if (p.header === '市への報告日') {
          const received = cellAt(sample, p.sheet, p.row, '受付日') as { iso: string };
          const reported = cell as { iso: string };
          // the month typed one too low
          expect(reported.iso.slice(8)).toBe(received.iso.slice(8));
          expect(reported.iso < received.iso).toBe(true);
        }
      }
    });
  });

  test('at the demo’s date (2021-03-05) the check finds exactly the planted mess on both sheets, as it does years later', () => {
    samples.forEach((sample) => {
      const raws = new Map<string, RawSheet>(sample.sheets.map((s) => [s.name, rawSheet(s.name, s.rows)]));
      const reading = readWorkbook(raws, readSettings(raws.get(SETTINGS_SHEET), sample.center.name), '2021-03-05');
      const key = (x: { sheet: string; row: number; code: string }): string => `${x.sheet}|${x.row}|${x.code}`;
      const onSheets = (x: { sheet: string }): boolean => x.sheet === '活動記録' || x.sheet === '苦情記録';
      expect(reading.issues.filter(onSheets).map(key).sort()).toEqual(sample.planted.filter(onSheets).map(key).sort());
      const open = reading.issues.filter((i) => i.code === 'COMPLAINT_OPEN_LONG').map((i) => i.message);
      expect(open.every((m) => m.startsWith('受付から349日たっても「対応完了日」が空です（期限は30日、2020-04-20まで）'))).toBe(true);
    });
  });
});
