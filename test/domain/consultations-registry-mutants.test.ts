import type { Issue } from '../../src/domain/issues/issue';
import { CONSULTATION_COLUMNS, readConsultations } from '../../src/domain/sheets/consultations';
import { CONTRACTS_ENTRY, CONSULTATIONS_ENTRY, factsProvided, INDICATOR_LIST_ENTRY, type SheetEntry } from '../../src/domain/sheets/registry';
import { defaultSettings } from '../../src/domain/sheets/settings';
import { toTable } from '../../src/domain/sheets/table';
import type { CellValue } from '../../src/domain/values/cell';
import { CONSULTATION_HEADER, consultationRow } from '../helpers/rows';
import { d, rawSheet } from '../helpers/tables';

const settings = defaultSettings('本庄西');
const TODAY = '2026-11-23';

function check(rows: CellValue[][]): Issue[] {
  const table = toTable(rawSheet('相談記録', [CONSULTATION_HEADER, ...rows]), CONSULTATION_COLUMNS);
  if (!table) throw new Error('no header');
  return readConsultations(table, settings, TODAY).issues;
}

describe('相談記録: 受付日 in the future', () => {
  test('received today is fine', () => {
    expect(check([consultationRow({ 受付日: d(TODAY) })])).toEqual([]);
  });

  test('received tomorrow is an error on 受付日', () => {
    expect(check([consultationRow({ 受付日: d('2026-11-24') })]).map((i) => [i.cell, i.column, i.code, i.message])).toEqual([
      ['A2', '受付日', 'DATE_FUTURE', '「受付日」の 2026-11-24 は今日（2026-11-23）より後の日付です。相談を受けた日を入力してください。'],
    ]);
  });
});

describe('相談記録: 紹介理由 of a referral', () => {
  test('a 紹介理由 that is an error value is that error only, not a missing reason', () => {
    const issues = check([consultationRow({ 紹介事業所: 'ケアプランセンターほんじょう', 紹介理由: '#REF!' })]);
    expect(issues.map((i) => [i.cell, i.code])).toEqual([['M2', 'CELL_ERROR']]);
  });
});

describe('factsProvided: the facts an entry gives other sheets', () => {
  test('委託契約 gives its contracts; 評価指標 its indicators; 相談記録 nothing', () => {
    expect(factsProvided(CONTRACTS_ENTRY as unknown as SheetEntry)).toEqual(['contracts']);
    expect(factsProvided(INDICATOR_LIST_ENTRY as unknown as SheetEntry)).toEqual(['indicators']);
    expect(factsProvided(CONSULTATIONS_ENTRY as unknown as SheetEntry)).toEqual([]);
  });

  test('a provider left undefined gives nothing', () => {
    const entry: SheetEntry = { ...(CONTRACTS_ENTRY as unknown as SheetEntry), provides: { contracts: undefined, activities: () => [] } };
    expect(factsProvided(entry)).toEqual(['activities']);
  });
});
