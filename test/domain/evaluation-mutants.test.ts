import type { CellValue } from '../../src/domain/values/cell';
import {
  checkEvaluationSheet,
  EVALUATION_COLUMNS,
  type EvaluationKey,
  evaluationRowKey,
  indicatorKey,
  readEvaluation,
} from '../../src/domain/sheets/evaluation';
import type { Indicator } from '../../src/domain/sheets/indicators';
import { toTable, type Table } from '../../src/domain/sheets/table';
import { rawSheet } from '../helpers/tables';

/**
 * 事業評価, rule by rule: the exact message and cell of each issue, which rows a year reads, and the key that
 * tells rows apart. Every expectation is written by hand from the sheet shown.
 */

const HEADER: CellValue[] = ['年度', '番号', '分類', '指標', '回答', '根拠・備考'];

const sheet = (rows: CellValue[][], header: CellValue[] = HEADER): Table<EvaluationKey> => {
  const t = toTable(rawSheet('事業評価', [header, ...rows]), EVALUATION_COLUMNS);
  if (!t) throw new Error('no table');
  return t;
};

const LIST: Indicator[] = [
  { number: '1', category: '組織運営体制等', indicator: '3職種を配置しているか' },
  { number: '2', category: '総合相談支援', indicator: '相談事例を分類・整理しているか' },
];

describe('事業評価: a row without 番号', () => {
  test('is an error on its 番号 cell and gives no answer', () => {
    const { answers, issues } = readEvaluation(sheet([['2025', '', '権利擁護', '虐待対応の手順を定めているか', 'はい', '']]), '2025');
    expect(answers).toEqual([]);
    expect(issues).toEqual([
      {
        sheet: '事業評価',
        row: 2,
        column: '番号',
        cell: 'B2',
        code: 'REQUIRED',
        severity: 'error',
        message: '「番号」が空です。評価指標の番号を入力してください。',
      },
    ]);
  });

  test('a 番号 of spaces only is blank as well', () => {
    const { issues } = readEvaluation(sheet([['2025', '　 ', '', '', 'はい', '']]), '2025');
    expect(issues.map((i) => [i.cell, i.code])).toEqual([['B2', 'REQUIRED']]);
  });
});

describe('事業評価: the rows a year reads', () => {
  test('rows of another 年度 are neither answers nor issues of this year', () => {
    const t = sheet([
      ['2024', '1', '', '', '', ''],
      ['2025', '1', '', '', 'はい', ''],
    ]);
    const { answers, issues } = readEvaluation(t, '2025', LIST);
    expect(answers.map((a) => [a.row, a.year, a.number])).toEqual([[3, '2025', '1']]);
    // Only indicator 2 is missing: the blank answer of 2024 is not this year's.
    expect(issues.map((i) => [i.row, i.code])).toEqual([[1, 'EVALUATION_INDICATOR_MISSING']]);
  });

  test('the years are read oldest first, whatever order the rows are in', () => {
    const t = sheet([
      ['2025', '1', '', '', 'はい', ''],
      ['2024', '1', '', '', 'いいえ', '看護師を配置'],
      ['2023', '1', '', '', 'はい', ''],
    ]);
    const { answers } = checkEvaluationSheet(t);
    expect(answers.map((a) => [a.year, a.row])).toEqual([
      ['2023', 4],
      ['2024', 3],
      ['2025', 2],
    ]);
  });
});

describe('事業評価: 年度 that cannot be read', () => {
  test('a blank 年度 is a REQUIRED error with the forms of a 年度', () => {
    const { answers, issues } = checkEvaluationSheet(sheet([['', '1', '', '', 'はい', '']]));
    expect(answers).toEqual([]);
    expect(issues).toEqual([
      {
        sheet: '事業評価',
        row: 2,
        column: '年度',
        cell: 'A2',
        code: 'REQUIRED',
        severity: 'error',
        message: '「年度」が空です。年度（例: 2025 や 令和7年度）を入力してください。',
      },
    ]);
  });

  test('an unreadable 年度 is DATE_INVALID worded for a 年度, not a date', () => {
    const { answers, issues } = checkEvaluationSheet(sheet([['来年度', '1', '', '', 'はい', '']]));
    expect(answers).toEqual([]);
    expect(issues).toEqual([
      {
        sheet: '事業評価',
        row: 2,
        column: '年度',
        cell: 'A2',
        code: 'DATE_INVALID',
        severity: 'error',
        message: '「年度」の「来年度」は年度として読めません。2025 や 令和7年度 の形で入力してください。',
      },
    ]);
  });
});

describe('事業評価: 番号 not in the year’s list', () => {
  test('is a warning naming the number, the year and the list sheet', () => {
    const { issues } = readEvaluation(
      sheet([
        ['2025', '1', '', '', 'はい', ''],
        ['2025', '2', '', '', 'はい', ''],
        ['2025', '９', '', '', 'はい', ''],
      ]),
      '2025',
      LIST,
    );
    expect(issues).toEqual([
      {
        sheet: '事業評価',
        row: 4,
        column: '番号',
        cell: 'B4',
        code: 'EVALUATION_INDICATOR_UNKNOWN',
        severity: 'warning',
        message: '番号「9」は2025年度の評価指標の一覧にありません。番号を確かめるか、市から届いた一覧を「評価指標」に入れてください。',
      },
    ]);
  });

  test('without a list no number is unknown', () => {
    expect(readEvaluation(sheet([['2025', '99', '', '', 'はい', '']]), '2025').issues).toEqual([]);
  });
});

describe('事業評価: 回答', () => {
  test('a blank 回答 is an error on the 回答 cell naming the indicator', () => {
    const { answers, issues } = readEvaluation(sheet([['2025', '2', '', '', '', '']]), '2025');
    expect(issues).toEqual([
      {
        sheet: '事業評価',
        row: 2,
        column: '回答',
        cell: 'E2',
        code: 'EVALUATION_UNANSWERED',
        severity: 'error',
        message: '指標 2 に回答がありません。「はい」か「いいえ」を入力してください。',
      },
    ]);
    expect(answers).toHaveLength(1);
    expect(answers[0]).not.toHaveProperty('answer');
  });

  test('a 回答 that is no choice is reported as such, not also as unanswered', () => {
    const { answers, issues } = readEvaluation(sheet([['2025', '1', '', '', 'たぶん', '']]), '2025');
    expect(issues.map((i) => [i.cell, i.code])).toEqual([['E2', 'CHOICE_UNKNOWN']]);
    expect(answers[0]).not.toHaveProperty('answer');
  });

  test('an answered row raises nothing about its 回答', () => {
    expect(readEvaluation(sheet([['2025', '1', '', '', 'はい', '']]), '2025').issues).toEqual([]);
  });
});

describe('事業評価: 根拠・備考', () => {
  test('いいえ without 根拠・備考 is a warning on the 根拠・備考 cell, naming the column as headed', () => {
    const { issues } = readEvaluation(sheet([['2025', '1', '', '', 'いいえ', '']]), '2025');
    expect(issues).toEqual([
      {
        sheet: '事業評価',
        row: 2,
        column: '根拠・備考',
        cell: 'F2',
        code: 'EVALUATION_REASON_MISSING',
        severity: 'warning',
        message: '指標 1 が「いいえ」です。運営協議会に説明できるよう、理由を「根拠・備考」に書いてください（例: 保健師ではなく看護師を配置）。',
      },
    ]);
  });

  test('the column’s own header is the one the message names (理由)', () => {
    const t = sheet([['2025', '3', '', '', 'いいえ', '']], ['年度', '番号', '分類', '指標', '回答', '理由']);
    expect(readEvaluation(t, '2025').issues.map((i) => [i.column, i.message])).toEqual([
      ['理由', '指標 3 が「いいえ」です。運営協議会に説明できるよう、理由を「理由」に書いてください（例: 保健師ではなく看護師を配置）。'],
    ]);
  });

  test('up to 2,000 characters are kept without a warning; 2,001 are too long', () => {
    const ok = readEvaluation(sheet([['2025', '1', '', '', 'いいえ', 'あ'.repeat(2000)]]), '2025');
    expect(ok.issues).toEqual([]);
    expect(ok.answers[0]?.note).toHaveLength(2000);
    const long = readEvaluation(sheet([['2025', '1', '', '', 'いいえ', 'あ'.repeat(2001)]]), '2025');
    expect(long.issues.map((i) => [i.cell, i.code, i.message])).toEqual([
      ['F2', 'TEXT_TOO_LONG', '「根拠・備考」が2,001文字あります。2,000文字以内にしてください。'],
    ]);
  });

  test('an error value in 根拠・備考 asks for the 根拠・備考 to be typed again', () => {
    const { issues } = readEvaluation(sheet([['2025', '1', '', '', 'はい', '#REF!']]), '2025');
    expect(issues.map((i) => [i.cell, i.code, i.message])).toEqual([
      ['F2', 'CELL_ERROR', '「根拠・備考」がエラー値「#REF!」になっています（数式の参照先が消えたなど）。根拠・備考を値で入力し直してください。'],
    ]);
  });

  test('an answer without 根拠・備考 has no note at all, one with it has the tidied text', () => {
    const { answers } = readEvaluation(
      sheet([
        ['2025', '1', '組織運営体制等', '3職種を配置しているか', 'はい', ''],
        ['2025', '2', '総合相談支援', '相談事例を分類・整理しているか', 'いいえ', '件数が少ない'],
      ]),
      '2025',
    );
    expect(answers).toStrictEqual([
      { row: 2, year: '2025', number: '1', category: '組織運営体制等', indicator: '3職種を配置しているか', answer: 'はい' },
      { row: 3, year: '2025', number: '2', category: '総合相談支援', indicator: '相談事例を分類・整理しているか', answer: 'いいえ', note: '件数が少ない' },
    ]);
  });
});

describe('事業評価: 分類 and 指標 of an answer', () => {
  test('without a list they are the row’s own, 分類 half width and both trimmed', () => {
    const { answers } = readEvaluation(sheet([['2025', '１', ' 地域ケア会議 ', ' 地域ケア個別会議を開いているか ', 'はい', '']]), '2025');
    expect(answers.map((a) => [a.number, a.category, a.indicator])).toEqual([['1', '地域ケア会議', '地域ケア個別会議を開いているか']]);
  });

  test('with the list they are the list’s, whatever the row says', () => {
    const { answers } = readEvaluation(sheet([['2025', '1', '違う分類', '違う文言', 'はい', '']]), '2025', LIST);
    expect(answers.map((a) => [a.category, a.indicator])).toEqual([['組織運営体制等', '3職種を配置しているか']]);
  });
});

describe('事業評価: an indicator of the list without its row', () => {
  test('is an error on the header’s 番号 cell with the indicator spelled out', () => {
    const { issues } = readEvaluation(sheet([['2025', '1', '', '', 'はい', '']]), '2025', LIST);
    expect(issues).toEqual([
      {
        sheet: '事業評価',
        row: 1,
        column: '番号',
        cell: 'B1',
        code: 'EVALUATION_INDICATOR_MISSING',
        severity: 'error',
        message: '2025年度の指標 2（総合相談支援: 相談事例を分類・整理しているか）の行がありません。「事業評価の指標を取り込む」で追加して回答してください。',
      },
    ]);
  });

  test('the cell follows the 番号 column wherever it stands, on the header row found', () => {
    const t = toTable(
      rawSheet('事業評価', [
        ['令和7年度 事業評価', '', '', '', '', ''],
        ['年度', '分類', '指標', '回答', '根拠・備考', '番号'],
        ['2025', '', '', 'はい', '', '2'],
      ]),
      EVALUATION_COLUMNS,
    );
    if (!t) throw new Error('no table');
    expect(readEvaluation(t, '2025', LIST).issues.map((i) => [i.row, i.column, i.cell])).toEqual([[2, '番号', 'F2']]);
  });
});

describe('the key of an indicator in a year', () => {
  test('is the 年度 and the 番号 joined by |', () => {
    expect(indicatorKey('2025', '1-3')).toBe('2025|1-3');
  });

  test('a row’s key reads its 年度 in any form and its 番号 half width and trimmed', () => {
    const t = sheet([]);
    expect(evaluationRowKey(t, ['令和7年度', ' １２ ', '', '', 'はい', ''])).toBe('2025|12');
    expect(evaluationRowKey(t, ['2024', '3', '', '', '', ''])).toBe('2024|3');
  });

  test('the columns are found by header, not position', () => {
    const t = sheet([], ['番号', '回答', '年度']);
    expect(evaluationRowKey(t, ['7', 'はい', 'R6'])).toBe('2024|7');
  });

  test('a row without a readable 年度 has no key', () => {
    const t = sheet([]);
    expect(evaluationRowKey(t, ['', '1', '', '', '', ''])).toBeUndefined();
    expect(evaluationRowKey(t, ['来年度', '1', '', '', '', ''])).toBeUndefined();
  });

  test('a row of a sheet without a 番号 column has the 年度 and an empty 番号', () => {
    const t = sheet([], ['年度', '回答']);
    expect(evaluationRowKey(t, ['2025', 'はい'])).toBe('2025|');
  });
});
