import type { Issue } from '../../src/domain/issues/issue';
import { readMapping } from '../../src/domain/sheets/mapping';
import { defaultSettings, type SettingsReading } from '../../src/domain/sheets/settings';
import { type CheckContext, checkSheet, isCheckedSheet, readWorkbook } from '../../src/domain/sheets/workbook-check';
import { NO_MAPPING } from '../../src/domain/sheets/mapping';
import type { RawSheet } from '../../src/domain/sheets/table';
import type { CellValue } from '../../src/domain/values/cell';
import { CONSULTATION_HEADER, consultationRow } from '../helpers/rows';
import { rawSheet } from '../helpers/tables';

const TODAY = '2026-11-01';
const settings = defaultSettings('本庄西');
const settingsReading: SettingsReading = { settings, issues: [] };
const context: CheckContext = { settings, today: TODAY };
const MAPPING_HEADER = ['種類', '対象', 'この表での書き方', '標準'];

const brief = (issues: readonly Issue[]): [string, string][] => issues.map((i) => [i.cell, i.code]);
const mappingSheet = (rows: readonly (readonly CellValue[])[], name = '読み替え'): RawSheet => rawSheet(name, [MAPPING_HEADER, ...rows]);

describe('a checked sheet that is missing', () => {
  test('a missing 相談記録 is one error on A1 of that sheet, with the offer to read another sheet as it', () => {
    expect(checkSheet('相談記録', undefined, context)).toEqual({
      sheet: '相談記録',
      standard: '相談記録',
      table: undefined,
      issues: [
        {
          sheet: '相談記録',
          row: 1,
          column: '',
          cell: 'A1',
          code: 'SHEET_MISSING',
          severity: 'error',
          message:
            '「相談記録」シートがありません。見出しを並べた「相談記録」シートを作ってください（アドオンではメニュー「包括支援」›「シートを準備」で作れます）。センターの別の名前のシートで付けているなら、「読み替え」シートに登録すると、そのシートを読みます。',
          offer: { kind: 'sheet', standard: '相談記録', candidates: [] },
        },
      ],
    });
  });

  test('a missing optional sheet (委託契約) says nothing', () => {
    expect(checkSheet('委託契約', undefined, context).issues).toEqual([]);
  });
});

describe('a sheet without a header row', () => {
  test('an optional sheet left blank (empty texts and empty cells) says nothing', () => {
    const raw = rawSheet('委託契約', [
      [null, ''],
      ['', null],
    ]);
    expect(checkSheet('委託契約', raw, context)).toEqual({ sheet: '委託契約', standard: '委託契約', table: undefined, issues: [] });
  });

  test('an optional sheet with something written but no header names the required headers, on A1', () => {
    const raw = rawSheet('委託契約', [
      ['契約の一覧', null],
      [null, null],
    ]);
    expect(checkSheet('委託契約', raw, context).issues).toEqual([
      {
        sheet: '委託契約',
        row: 1,
        column: '',
        cell: 'A1',
        code: 'HEADER_MISSING',
        severity: 'error',
        message:
          '「委託契約」の上から10行に見出し行が見つかりません。「事業所番号」「事業所名」「法人名」「所在地」「委託区分」「契約開始日」「選定理由」などの見出しを1行に並べてください。',
      },
    ]);
  });

  test('the required 相談記録 left blank still needs its header', () => {
    const issues = checkSheet('相談記録', rawSheet('相談記録', [[null, '']]), context).issues;
    expect(brief(issues)).toEqual([['A1', 'HEADER_MISSING']]);
  });
});

describe('columns missing from a header row', () => {
  test('a missing column without synonyms is named alone, and only non-blank unknown headers are offered for it', () => {
    const header = [...CONSULTATION_HEADER.filter((h) => h !== '業務区分'), '', '独自欄'];
    const issues = checkSheet('相談記録', rawSheet('相談記録', [header]), context).issues;
    expect(issues).toEqual([
      {
        sheet: '相談記録',
        row: 1,
        column: '業務区分',
        cell: 'A1',
        code: 'HEADER_MISSING',
        severity: 'error',
        message:
          '「相談記録」に「業務区分」の列がありません。見出し行に列を追加してください（アドオンでは「シートを準備」で追加できます）。別の見出しで付けているなら、「読み替え」シートに登録してください。',
        offer: { kind: 'header', sheet: '相談記録', standard: '業務区分', candidates: ['独自欄'] },
      },
    ]);
  });
});

describe('a known column given twice', () => {
  test('the right one is a warning on its own header cell, naming the standard header and the cell of the one used', () => {
    // 対応方法 is a synonym of 相談方法 (column D): the 18th column (R) repeats it.
    const header = [...CONSULTATION_HEADER, '対応方法'];
    const issues = checkSheet('相談記録', rawSheet('相談記録', [header]), context).issues;
    expect(issues).toEqual([
      {
        sheet: '相談記録',
        row: 1,
        column: '対応方法',
        cell: 'R1',
        code: 'HEADER_DUPLICATE',
        severity: 'warning',
        message: '「相談方法」の列が2つあります。左の D1 の列を使い、この列は確認しません。どちらかの見出しを変えてください。',
      },
    ]);
  });
});

describe("a sheet's issues are in the order the sidebar shows them", () => {
  test('within a row, errors come before warnings whatever the column', () => {
    const row = consultationRow({ 受付日: '令和8年10月3日', 相談者ID: '' });
    const issues = checkSheet('相談記録', rawSheet('相談記録', [CONSULTATION_HEADER, row]), context).issues;
    expect(brief(issues)).toEqual([
      ['B2', 'REQUIRED'],
      ['A2', 'DATE_NOTATION'],
    ]);
  });
});

describe('checkSheet on 読み替え itself', () => {
  const raw = mappingSheet([['シート', '', '相談台帳', '相談記録簿']]);

  test('the reading given for this very sheet is the one returned', () => {
    const reading = readMapping(raw, settings);
    const check = checkSheet('読み替え', raw, context, reading);
    expect(check.sheet).toBe('読み替え');
    expect(check.standard).toBe('読み替え');
    expect(check.table).toBe(reading.table);
    expect(check.issues).toBe(reading.issues);
    expect(brief(check.issues)).toEqual([['D2', 'MAPPING_SHEET_UNKNOWN']]);
  });

  test('a newer read of the sheet (onEdit) is read afresh, not taken from the older reading', () => {
    const older = readMapping(mappingSheet([['シート', '', '相談台帳', '相談記録']]), settings);
    const check = checkSheet('読み替え', raw, context, older);
    expect(check.sheet).toBe('読み替え');
    expect(check.standard).toBe('読み替え');
    expect(check.table?.rows.map((r) => r.rowNumber)).toEqual([2]);
    expect(brief(check.issues)).toEqual([['D2', 'MAPPING_SHEET_UNKNOWN']]);
  });

  test('without any reading, the sheet is read', () => {
    expect(brief(checkSheet('読み替え', raw, context).issues)).toEqual([['D2', 'MAPPING_SHEET_UNKNOWN']]);
  });
});

describe('sheets the product does not check', () => {
  test("a sheet that is no checked sheet is reported under its own name, or the list's standard name", () => {
    expect(checkSheet('メモ', rawSheet('メモ', [['a']]), context)).toEqual({ sheet: 'メモ', standard: 'メモ', table: undefined, issues: [] });
    const reading = readMapping(mappingSheet([['シート', '', 'KPI一覧', '評価指標']]), settings);
    expect(checkSheet('KPI一覧', rawSheet('KPI一覧', [['年度', '番号']]), context, reading)).toEqual({
      sheet: 'KPI一覧',
      standard: '評価指標',
      table: undefined,
      issues: [],
    });
  });

  test('isCheckedSheet: 読み替え and the checked sheets, not 評価指標 or a sheet of notes', () => {
    expect(isCheckedSheet('読み替え', NO_MAPPING)).toBe(true);
    expect(isCheckedSheet('相談記録', NO_MAPPING)).toBe(true);
    expect(isCheckedSheet('事業評価', NO_MAPPING)).toBe(true);
    expect(isCheckedSheet('評価指標', NO_MAPPING)).toBe(false);
    expect(isCheckedSheet('メモ', NO_MAPPING)).toBe(false);
  });
});

describe('readWorkbook', () => {
  test('a workbook with no sheets gives no records of any kind', () => {
    const reading = readWorkbook(new Map(), settingsReading, TODAY);
    expect(reading.consultations).toEqual([]);
    expect(reading.contracts).toEqual([]);
    expect(reading.delegations).toEqual([]);
    expect(reading.activities).toEqual([]);
    expect(reading.complaints).toEqual([]);
    expect(reading.evaluation).toEqual([]);
    expect(reading.sheets.map((s) => s.sheet)).toEqual(['相談記録', '委託契約', '委託実績', '活動記録', '苦情記録', '事業評価']);
  });

  test('読み替え comes first, its own issues and what it names that is not there in row order', () => {
    const mapping = readMapping(
      mappingSheet([
        ['シート', '', '相談台帳', '相談記録'],
        ['シート', '', '契約台帳', '委託契約簿'],
      ]),
      settings,
    );
    const reading = readWorkbook(new Map([['読み替え', mapping.raw]]), settingsReading, TODAY, mapping);
    const first = reading.sheets[0];
    expect(first?.sheet).toBe('読み替え');
    expect(first?.standard).toBe('読み替え');
    expect(first?.table).toBe(mapping.table);
    expect(first?.issues.map((i) => [i.sheet, i.cell, i.code])).toEqual([
      ['読み替え', 'C2', 'MAPPING_NOT_FOUND'],
      ['読み替え', 'D3', 'MAPPING_SHEET_UNKNOWN'],
    ]);
  });

  test('what 読み替え names that is not there is reported on the sheet 読み替え was read from', () => {
    const mapping = readMapping(mappingSheet([['シート', '', '相談台帳', '相談記録']], 'よみかえ'), settings);
    const reading = readWorkbook(new Map(), settingsReading, TODAY, mapping);
    expect(reading.sheets[0]?.issues.map((i) => [i.sheet, i.cell, i.code])).toEqual([['よみかえ', 'C2', 'MAPPING_NOT_FOUND']]);
  });

  test('a 読み替え without a header is listed first with its one issue and no table', () => {
    const mapping = readMapping(rawSheet('読み替え', [['相談台帳は相談記録のこと']]), settings);
    expect(mapping.table).toBeUndefined();
    const reading = readWorkbook(new Map(), settingsReading, TODAY, mapping);
    expect(reading.sheets[0]).toEqual({ sheet: '読み替え', standard: '読み替え', table: undefined, issues: mapping.issues });
    expect(brief(reading.sheets[0]?.issues ?? [])).toEqual([['A1', 'HEADER_MISSING']]);
  });

  test('without 読み替え, the sheets are the checked ones only', () => {
    const reading = readWorkbook(new Map([['相談記録', rawSheet('相談記録', [CONSULTATION_HEADER])]]), settingsReading, TODAY);
    expect(reading.sheets[0]?.sheet).toBe('相談記録');
  });
});
