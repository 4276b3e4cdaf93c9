import type { CellValue } from '../../src/domain/values/cell';
import { NATIONAL_HEADER, nationalTemplate, readNational } from '../../src/domain/sheets/national-averages';
import { rawSheet } from '../helpers/tables';

/** 全国平均: the national averages the city types in, one row per 分類 and 年度. Expectations are written by hand. */

const sheet = (rows: CellValue[][]) => rawSheet('全国平均', rows);

describe('the sheet 「市の集計シートを準備」 makes', () => {
  test('is the header and one row per national 分類, in the national order, with 年度 and 全国平均 left blank', () => {
    expect(NATIONAL_HEADER).toEqual(['年度', '分類', '全国平均']);
    expect(nationalTemplate()).toEqual([
      ['年度', '分類', '全国平均'],
      ['', '組織運営体制等', ''],
      ['', '総合相談支援', ''],
      ['', '権利擁護', ''],
      ['', '包括的・継続的ケアマネジメント支援', ''],
      ['', '地域ケア会議', ''],
      ['', '介護予防ケアマネジメント・介護予防支援', ''],
      ['', '事業間連携', ''],
    ]);
  });
});

describe('reading the year’s averages', () => {
  test('a row with a blank 分類 or an unreadable 全国平均 gives no entry at all', () => {
    const raw = sheet([
      ['年度', '分類', '全国平均'],
      ['2025', '', '80%'],
      ['2025', '権利擁護', 'わからない'],
      ['2025', '地域ケア会議', ''],
      ['2025', '事業間連携', '70%'],
    ]);
    expect(readNational(raw, '2025')).toStrictEqual({ 事業間連携: 0.7 });
  });

  test('the 分類 is trimmed', () => {
    const raw = sheet([
      ['年度', '分類', '全国平均'],
      ['2025', ' 権利擁護　', '88%'],
    ]);
    expect(readNational(raw, '2025')).toStrictEqual({ 権利擁護: 0.88 });
  });

  test('columns are found by header in any order', () => {
    const raw = sheet([
      ['全国平均', '年度', '分類'],
      ['91', '令和7年度', '総合相談支援'],
    ]);
    expect(readNational(raw, '2025')).toStrictEqual({ 総合相談支援: 0.91 });
  });

  test('a sheet without a 分類 column has no averages', () => {
    const raw = sheet([
      ['年度', '全国平均'],
      ['2025', '86%'],
    ]);
    expect(readNational(raw, '2025')).toStrictEqual({});
  });

  test('a sheet without a header is no averages', () => {
    expect(readNational(sheet([['2025', '権利擁護', '88%']]), '2025')).toStrictEqual({});
  });
});
