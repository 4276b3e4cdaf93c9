import type { Issue } from '../../src/domain/issues/issue';
import { CHECKED_ENTRIES, PREPARED_ENTRIES, SHEET_REGISTRY } from '../../src/domain/sheets/registry';
import { defaultSettings, readSettings } from '../../src/domain/sheets/settings';
import type { RawSheet } from '../../src/domain/sheets/table';
import { checkSheet, readWorkbook } from '../../src/domain/sheets/workbook-check';
import type { CellValue } from '../../src/domain/values/cell';
import { checkEditedRows, loadWorkbook } from '../../src/workbook/check-job';
import { SETUP_SHEETS } from '../../src/workbook/setup-plan';
import { memoryPort } from '../helpers/memory-port';
import { rawSheet } from '../helpers/tables';

const TODAY = '2026-11-01';
const settings = defaultSettings('本庄西');

/** Written out by hand: what the product reads, checks and prepares. A sheet added to one path only fails here. */
const ALL = ['相談記録', '委託契約', '委託実績', '活動記録', '苦情記録', '評価指標', '事業評価'];
const CHECKED = ['相談記録', '委託契約', '委託実績', '活動記録', '苦情記録', '事業評価'];
const PREPARED = ['相談記録', '委託契約', '委託実績', '活動記録', '苦情記録'];

/** A sheet with its entry's headers in row 1 and one row below. */
function sheetOf(name: string, row: readonly CellValue[] = ['x']): RawSheet {
  const spec = SHEET_REGISTRY.find((e) => e.name === name);
  return rawSheet(name, [spec?.columns.map((c) => c.header) ?? [], row]);
}

const codes = (issues: readonly Issue[]): string[][] => issues.map((i) => [i.sheet, i.code]);

describe('the sheet registry', () => {
  test('lists every sheet of rows the product reads, in reading order', () => {
    expect(SHEET_REGISTRY.map((e) => e.name)).toEqual(ALL);
    expect(CHECKED_ENTRIES.map((e) => e.name)).toEqual(CHECKED);
    expect(PREPARED_ENTRIES.map((e) => e.name)).toEqual(PREPARED);
  });

  test('every sheet is read by 入力チェック, checked by onEdit and prepared by シートを準備 exactly when its entry says so', () => {
    const reading = readWorkbook(new Map(ALL.map((name) => [name, sheetOf(name)])), readSettings(undefined, '本庄西'), TODAY);
    expect(reading.sheets.map((s) => s.sheet)).toEqual(CHECKED);
    const port = memoryPort(ALL.map((name) => sheetOf(name)));
    const onEdit = ALL.filter((name) => checkEditedRows(port, name, 2, 1) !== undefined);
    expect(onEdit).toEqual(CHECKED);
    expect(SETUP_SHEETS.map((s) => s.name)).toEqual(PREPARED);
    for (const spec of SHEET_REGISTRY) {
      expect([spec.name, reading.sheets.some((s) => s.sheet === spec.name)]).toEqual([spec.name, spec.check !== undefined]);
      expect([spec.name, onEdit.includes(spec.name)]).toEqual([spec.name, spec.check !== undefined]);
      expect([spec.name, SETUP_SHEETS.some((s) => s.name === spec.name)]).toEqual([spec.name, spec.prepared]);
    }
    // A sheet the product does not know is left alone by onEdit.
    expect(checkEditedRows(memoryPort([rawSheet('月報', [['x']])]), '月報', 1, 1)).toBeUndefined();
  });

  test('each sheet the 月報 uses names the required column that places its rows in a month; the yearly ones name none', () => {
    const monthColumns = SHEET_REGISTRY.map((e) => [e.name, e.monthColumn === undefined ? undefined : e.columns.find((c) => c.key === e.monthColumn)?.header]);
    expect(monthColumns).toEqual([
      ['相談記録', '受付日'],
      ['委託契約', '契約開始日'],
      ['委託実績', '対象月'],
      ['活動記録', '実施日'],
      ['苦情記録', '受付日'],
      ['評価指標', undefined],
      ['事業評価', undefined],
    ]);
    for (const e of SHEET_REGISTRY)
      if (e.monthColumn !== undefined) expect([e.name, e.columns.find((c) => c.key === e.monthColumn)?.required]).toEqual([e.name, true]);
  });

  test('only a missing 相談記録 is an error', () => {
    const reading = readWorkbook(new Map(), readSettings(undefined, '本庄西'), TODAY);
    expect(codes(reading.issues)).toEqual([['相談記録', 'SHEET_MISSING']]);
  });

  test('a sheet comes after every sheet that gives what it needs', () => {
    SHEET_REGISTRY.forEach((spec, index) => {
      const before = SHEET_REGISTRY.slice(0, index).flatMap((e) => Object.keys(e.provides));
      for (const need of spec.needs) expect([spec.name, need, before.includes(need)]).toEqual([spec.name, need, true]);
    });
    expect(Object.fromEntries(SHEET_REGISTRY.map((e) => [e.name, e.needs]))).toEqual({
      相談記録: [],
      委託契約: [],
      委託実績: ['contracts'],
      活動記録: [],
      苦情記録: [],
      評価指標: [],
      事業評価: ['indicators', 'activities'],
    });
  });

  test('each column kind is of a column of its sheet', () => {
    for (const spec of SHEET_REGISTRY) {
      const keys = spec.columns.map((c) => c.key);
      for (const key of Object.keys(spec.kinds)) expect([spec.name, key, keys.includes(key)]).toEqual([spec.name, key, true]);
    }
  });
});

describe('rules that span sheets run when the whole workbook is read, and only then', () => {
  const list = rawSheet('評価指標', [
    ['年度', '番号', '分類', '指標'],
    ['2025', '1', '総合相談支援', '相談の記録を残している'],
    ['2025', '2', '権利擁護', '虐待の通報に対応している'],
  ]);
  const answers = rawSheet('事業評価', [
    ['年度', '番号', '分類', '指標', '回答', '根拠・備考'],
    ['2025', '1', '総合相談支援', '相談の記録を残している', 'はい', ''],
  ]);

  test('評価指標 gives 事業評価 the year’s list: the indicator left unanswered is reported', () => {
    const withList = readWorkbook(
      new Map([
        ['事業評価', answers],
        ['評価指標', list],
      ]),
      { settings, issues: [] },
      TODAY,
    );
    expect(codes(withList.issues)).toEqual([
      ['相談記録', 'SHEET_MISSING'],
      ['事業評価', 'EVALUATION_INDICATOR_MISSING'],
    ]);
    expect(withList.evaluation.map((a) => [a.year, a.number, a.answer])).toEqual([['2025', '1', 'はい']]);
    const withoutList = readWorkbook(new Map([['事業評価', answers]]), { settings, issues: [] }, TODAY);
    expect(codes(withoutList.issues)).toEqual([['相談記録', 'SHEET_MISSING']]);
    // onEdit reads the edited sheet alone and does not guess at the list.
    expect(checkSheet('事業評価', answers, { settings, today: TODAY }).issues).toEqual([]);
  });

  test('評価指標 is read only when there is a 事業評価 to check against it', () => {
    const without = memoryPort([list]);
    loadWorkbook(without);
    expect(without.read).toEqual(['設定', '読み替え', '相談記録', '委託契約', '委託実績', '活動記録', '苦情記録', '事業評価']);
    const withAnswers = memoryPort([list, answers]);
    loadWorkbook(withAnswers);
    expect(withAnswers.read).toEqual(['設定', '読み替え', '相談記録', '委託契約', '委託実績', '活動記録', '苦情記録', '事業評価', '評価指標']);
  });

  test('委託契約 gives 委託実績 its contracts: an office without one is reported', () => {
    const contracts = rawSheet('委託契約', [
      ['事業所番号', '事業所名', '法人名', '所在地', '委託区分', '契約開始日', '選定理由'],
      ['1171300013', 'トマト居宅', 'トマト会', '埼玉県本庄市1-1', '両方', '2026-04-01', '利用者の希望'],
    ]);
    const delegations = rawSheet('委託実績', [
      ['対象月', '事業所番号', '介護予防支援件数', '介護予防ケアマネジメント件数'],
      ['2026-10', '1171300021', 1, 0],
    ]);
    const reading = readWorkbook(
      new Map([
        ['委託契約', contracts],
        ['委託実績', delegations],
      ]),
      { settings, issues: [] },
      TODAY,
    );
    expect(codes(reading.issues).filter(([sheet]) => sheet === '委託実績')).toEqual([['委託実績', 'DELEGATION_NO_CONTRACT']]);
    expect(reading.contracts.map((c) => c.officeNumber)).toEqual(['1171300013']);
    expect(reading.delegations.map((d) => [d.month, d.officeNumber])).toEqual([['2026-10', '1171300021']]);
  });
});
