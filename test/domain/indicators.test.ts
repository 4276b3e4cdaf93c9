import type { CellValue } from '../../src/domain/values/cell';
import { INDICATOR_COLUMNS, type IndicatorKey, indicatorText, indicatorWording, indicatorYears, readIndicatorList } from '../../src/domain/sheets/indicators';
import { toTable, type Table } from '../../src/domain/sheets/table';
import { rawSheet } from '../helpers/tables';

/** 評価指標: the city's list of indicators, read for one 年度. Expectations are written by hand from the rows shown. */

const list = (rows: CellValue[][]): Table<IndicatorKey> => {
  const t = toTable(rawSheet('評価指標', rows), INDICATOR_COLUMNS);
  if (!t) throw new Error('no table');
  return t;
};

describe('番号 and 分類 as compared, 指標 as written', () => {
  test('番号 and 分類 are half width and trimmed', () => {
    expect(indicatorText(' １－３ ')).toBe('1-3');
    expect(indicatorText('　１２　')).toBe('12');
    expect(indicatorText(' 権利擁護 ')).toBe('権利擁護');
    expect(indicatorText(7)).toBe('7');
    expect(indicatorText(undefined)).toBe('');
  });

  test('指標 is only trimmed: its full-width digits stay as people wrote them', () => {
    expect(indicatorWording('　年２回以上開いているか ')).toBe('年２回以上開いているか');
    expect(indicatorWording(null)).toBe('');
  });
});

describe('the 年度 a list covers', () => {
  test('each readable 年度 once, oldest first; blank and unreadable ones are none', () => {
    const t = list([
      ['年度', '番号', '分類', '指標'],
      ['2025', '1', '組織運営体制等', 'a'],
      ['令和6年度', '1', '組織運営体制等', 'a'],
      ['', '2', '総合相談支援', 'b'],
      ['来年度', '3', '権利擁護', 'c'],
      ['R7', '2', '総合相談支援', 'b'],
      ['2023', '1', '組織運営体制等', 'a'],
    ]);
    expect(indicatorYears(t)).toEqual(['2023', '2024', '2025']);
  });

  test('a list without a 年度 column covers no written year', () => {
    expect(
      indicatorYears(
        list([
          ['番号', '分類', '指標'],
          ['1', '組織運営体制等', 'a'],
        ]),
      ),
    ).toEqual([]);
  });
});

describe('the year’s list', () => {
  test('no sheet is an empty list', () => {
    expect(readIndicatorList(undefined, '2025')).toEqual([]);
  });

  test('rows of the year in any form and rows with a blank 年度 are the year’s; other years and unreadable ones are not', () => {
    const t = list([
      ['年度', '番号', '分類', '指標'],
      ['令和7年度', '1', '組織運営体制等', '3職種を配置しているか'],
      ['2024', '2', '総合相談支援', '昨年度だけの指標'],
      ['', '3', '権利擁護', '虐待対応の手順を定めているか'],
      ['来年度', '4', '地域ケア会議', '読めない年度の指標'],
      ['2025', '5', '事業間連携', '医療と連携しているか'],
    ]);
    expect(readIndicatorList(t, '2025')).toStrictEqual([
      { number: '1', category: '組織運営体制等', indicator: '3職種を配置しているか' },
      { number: '3', category: '権利擁護', indicator: '虐待対応の手順を定めているか' },
      { number: '5', category: '事業間連携', indicator: '医療と連携しているか' },
    ]);
    expect(readIndicatorList(t, '2024').map((i) => i.number)).toEqual(['2', '3']);
  });

  test('a list without a 年度 column is every year’s', () => {
    const t = list([
      ['番号', '分類', '指標'],
      ['1', '組織運営体制等', '3職種を配置しているか'],
      ['2', '総合相談支援', '相談事例を分類・整理しているか'],
    ]);
    expect(readIndicatorList(t, '2025').map((i) => i.number)).toEqual(['1', '2']);
    expect(readIndicatorList(t, '2019').map((i) => i.number)).toEqual(['1', '2']);
  });

  test('番号 and 分類 are half width and trimmed, 指標 only trimmed', () => {
    const t = list([
      ['年度', '番号', '分類', '指標'],
      ['2025', ' １ ', ' 地域ケア会議 ', ' 年２回開いているか　'],
    ]);
    expect(readIndicatorList(t, '2025')).toStrictEqual([{ number: '1', category: '地域ケア会議', indicator: '年２回開いているか' }]);
  });

  test('a row without 番号 is no indicator', () => {
    const t = list([
      ['年度', '番号', '分類', '指標'],
      ['2025', '', '組織運営体制等', '番号のない行'],
      ['2025', '　', '組織運営体制等', '空白だけの番号'],
      ['2025', '2', '総合相談支援', '相談事例を分類・整理しているか'],
    ]);
    expect(readIndicatorList(t, '2025').map((i) => i.number)).toEqual(['2']);
  });
});
