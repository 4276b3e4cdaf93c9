import { fiscalYearEnd, fiscalYearOf, fiscalYearWareki, lastEndedFiscalYear, readFiscalYear } from '../../src/domain/values/fiscal-year';

describe('年度', () => {
  test.each([
    ['2025', '2025'],
    ['2025年度', '2025'],
    [' ２０２５年度 ', '2025'],
    [2025, '2025'],
    ['令和7年度', '2025'],
    ['令和7', '2025'],
    ['令和 7 年度', '2025'],
    ['R7', '2025'],
    ['r7年度', '2025'],
    ['Ｒ７', '2025'],
    ['㋿7年度', '2025'],
    ['令和元年度', '2019'],
    ['平成31年度', '2019'],
    ['H30', '2018'],
    ['平成元年度', '1989'],
    ['昭和63年度', '1988'],
  ])('%p is the 年度 %s', (typed, year) => {
    expect(readFiscalYear(typed)).toBe(year);
  });

  test.each([[''], [null], [undefined], ['令和0年度'], ['令和'], ['7'], ['2025年'], ['20255'], ['X7'], ['令和7年4月']])('%p is no 年度', (typed) => {
    expect(readFiscalYear(typed)).toBeUndefined();
  });

  test('a 年度 runs from April to March', () => {
    expect(fiscalYearOf('2026-03-31')).toBe('2025');
    expect(fiscalYearOf('2026-04-01')).toBe('2026');
    expect([fiscalYearEnd('2025'), fiscalYearEnd('2019')]).toEqual(['2026-03-31', '2020-03-31']);
    expect(fiscalYearOf('2026-12-31')).toBe('2026');
    expect(fiscalYearOf('2027-01-01')).toBe('2026');
  });

  test('the 年度 that ended last: the one before the 年度 of today', () => {
    expect(lastEndedFiscalYear('2026-03-31')).toBe('2024');
    expect(lastEndedFiscalYear('2026-04-01')).toBe('2025');
    expect(lastEndedFiscalYear('2026-11-27')).toBe('2025');
  });

  test('a 年度 in 和暦 is named in the era of its calendar year (令和元年度, not 平成31年度)', () => {
    expect(fiscalYearWareki('2025')).toBe('令和7年度');
    expect(fiscalYearWareki('2020')).toBe('令和2年度');
    expect(fiscalYearWareki('2019')).toBe('令和元年度');
    expect(fiscalYearWareki('2018')).toBe('平成30年度');
    expect(fiscalYearWareki('1989')).toBe('平成元年度');
    expect(fiscalYearWareki('1988')).toBe('昭和63年度');
  });
});
