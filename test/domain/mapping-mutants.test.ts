import type { Issue } from '../../src/domain/issues/issue';
import { CONSULTATION_COLUMNS } from '../../src/domain/sheets/consultations';
import { kindWord, mappedColumns, mappingNotFound, NO_MAPPING, readMapping } from '../../src/domain/sheets/mapping';
import { defaultSettings } from '../../src/domain/sheets/settings';
import { type Table, toTable } from '../../src/domain/sheets/table';
import type { CellValue } from '../../src/domain/values/cell';
import { CONSULTATION_HEADER } from '../helpers/rows';
import { rawSheet } from '../helpers/tables';

const settings = defaultSettings('本庄西');
const HEADER = ['種類', '対象', 'この表での書き方', '標準'];

function mappingOf(rows: readonly (readonly CellValue[])[], header: readonly CellValue[] = HEADER) {
  return readMapping(rawSheet('読み替え', [header, ...rows]), settings);
}

const full = (issues: readonly Issue[]): [string, string, string, string][] => issues.map((i) => [i.cell, i.column, i.code, i.message]);

describe('kindWord: the word of 種類 for each kind of mapping', () => {
  test.each([
    ['sheet', 'シート'],
    ['header', '見出し'],
    ['value', '値'],
  ] as const)('%s is written %s', (kind, word) => {
    expect(kindWord(kind)).toBe(word);
  });
});

describe('読み替え without a usable header', () => {
  test('a row with a word and an empty cell is something written: the header is missing, on A1', () => {
    expect(mappingOf([], ['メモ', null]).issues).toEqual([
      {
        sheet: '読み替え',
        row: 1,
        column: '',
        cell: 'A1',
        code: 'HEADER_MISSING',
        severity: 'error',
        message: '「読み替え」の上から10行に見出し行が見つかりません。「種類」「対象」「この表での書き方」「標準」などの見出しを1行に並べてください。',
      },
    ]);
  });

  test('a header without 種類 (a column without synonyms) says so on the header row', () => {
    const reading = mappingOf([['シート', '', '相談台帳', '相談記録']], ['対象', 'この表での書き方', '標準']);
    expect(full(reading.issues)).toEqual([
      [
        'A1',
        '種類',
        'HEADER_MISSING',
        '「読み替え」に「種類」の列がありません。見出し行に列を追加してください（アドオンでは「シートを準備」で追加できます）。別の見出しで付けているなら、「読み替え」シートに登録してください。',
      ],
    ]);
  });

  test('with a required column missing, no row is read: nothing maps, and the rows are not checked', () => {
    const reading = mappingOf([['シート名', '相談台帳', '相談記録']], ['種類', 'この表での書き方', '標準の見出し']);
    expect(reading.issues.map((i) => [i.cell, i.code])).toEqual([['A1', 'HEADER_MISSING']]);
    expect(reading.mapping).toBe(NO_MAPPING);
  });
});

describe('読み替え: blank cells of a row', () => {
  test('a blank 種類 asks for one of the three words', () => {
    expect(full(mappingOf([[null, '', '相談台帳', '相談記録']]).issues)).toEqual([
      ['A2', '種類', 'REQUIRED', '「種類」が空です。「シート」「見出し」「値」のどれかを入力してください。'],
    ]);
  });

  test('a 見出し row with a blank 対象 asks for the sheet, and maps nothing', () => {
    const reading = mappingOf([['見出し', null, '来談日', '受付日']]);
    expect(full(reading.issues)).toEqual([['B2', '対象', 'REQUIRED', '「対象」が空です。見出しのあるシート（例: 相談記録）を入力してください。']]);
    expect(reading.mapping.headers.size).toBe(0);
  });

  test('a 見出し row with a blank この表での書き方 maps nothing', () => {
    const reading = mappingOf([['見出し', '相談記録', null, '受付日']]);
    expect(full(reading.issues)).toEqual([['C2', 'この表での書き方', 'REQUIRED', '「この表での書き方」が空です。この表での見出しを入力してください。']]);
    expect(reading.mapping.headers.size).toBe(0);
  });

  test('a 見出し row with a blank 標準 asks for the standard header, and maps nothing', () => {
    const reading = mappingOf([['見出し', '相談記録', '来談日', null]]);
    expect(full(reading.issues)).toEqual([['D2', '標準', 'REQUIRED', '「標準」が空です。標準の見出し（例: 受付日）を入力してください。']]);
    expect(reading.mapping.headers.size).toBe(0);
  });
});

describe('mappingNotFound: what 読み替え names that the spreadsheet does not have', () => {
  const consultations = (mapping: ReturnType<typeof mappingOf>['mapping'], header: readonly string[]): Table<string> =>
    toTable(rawSheet('相談記録', [header]), mappedColumns(mapping, '相談記録', CONSULTATION_COLUMNS)) as Table<string>;

  test("a missing sheet is a warning on the row's この表での書き方", () => {
    const { mapping } = mappingOf([['シート', '', '相談台帳', '相談記録']]);
    expect(mappingNotFound(mapping, '読み替え', () => false, new Map())).toEqual([
      {
        sheet: '読み替え',
        row: 2,
        column: 'この表での書き方',
        cell: 'C2',
        code: 'MAPPING_NOT_FOUND',
        severity: 'warning',
        message: '「相談台帳」シートが見つかりません。「この表での書き方」を、表にある書き方にそろえてください。',
      },
    ]);
  });

  test('a mapped header of a sheet that is not there says nothing (the sheet itself is reported)', () => {
    const { mapping } = mappingOf([['見出し', '委託契約', '番号', '事業所番号']]);
    expect(mappingNotFound(mapping, '読み替え', () => true, new Map())).toEqual([]);
  });

  test('a mapped header not on the header row names at most twelve of the headers that name nothing', () => {
    const { mapping } = mappingOf([['見出し', '相談記録', '来談日', '受付日']]);
    const extra = Array.from({ length: 13 }, (_, i) => `独自${i + 1}`);
    const table = consultations(mapping, [...CONSULTATION_HEADER.filter((h) => h !== '受付日'), ...extra]);
    expect(full(mappingNotFound(mapping, '読み替え', () => true, new Map([['相談記録', table]])))).toEqual([
      [
        'C2',
        'この表での書き方',
        'MAPPING_NOT_FOUND',
        '「相談記録」の見出し行（1 行目）に「来談日」が見つかりません。「この表での書き方」を、表にある書き方にそろえてください（ある書き方: 「独自1」「独自2」「独自3」「独自4」「独自5」「独自6」「独自7」「独自8」「独自9」「独自10」「独自11」「独自12」）。',
      ],
    ]);
  });

  test('warnings come in row order, a 見出し row above a シート row first', () => {
    const { mapping } = mappingOf([
      ['見出し', '相談記録', '来談日', '受付日'],
      ['シート', '', '契約台帳', '委託契約'],
    ]);
    const table = consultations(
      mapping,
      CONSULTATION_HEADER.filter((h) => h !== '受付日'),
    );
    expect(mappingNotFound(mapping, '読み替え', () => false, new Map([['相談記録', table]])).map((i) => i.cell)).toEqual(['C2', 'C3']);
  });
});
