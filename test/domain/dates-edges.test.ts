import type { CellValue } from '../../src/domain/values/cell';
import { addDays, daysBetween, daysInMonth, isValidIso, readDate, serialOf, toWareki } from '../../src/domain/values/dates';

/**
 * The edges of the date rules that mutation testing found untested. Expected values are written by hand
 * (weekdays and serials checked against Python's datetime); no expectation is computed by the product.
 */

const date = (iso: string, notation: string, fullWidth = false): object => ({ kind: 'date', iso, notation, fullWidth });
const kindOf = (value: CellValue): string => readDate(value).kind;

describe('a day, a month or a year out of range', () => {
  test.each([
    '2026/10/0',
    '2026/0/10',
    '2026/13/1',
    '2026/4/31',
    '2026/10/32',
    '20261000',
    '20261301',
    '20260001',
    'R8.10.0',
    'R8.0.1',
    '0000/01/01',
    '00000101',
  ])('%s is invalid', (text) => {
    expect(kindOf(text)).toBe('invalid');
  });

  test.each([
    ['2026/4/30', '2026-04-30'],
    ['2026/1/31', '2026-01-31'],
    ['2026/12/31', '2026-12-31'],
    ['2026/11/1', '2026-11-01'],
    ['0001/01/01', '0001-01-01'],
  ])('%s is the last or first day there is', (text, iso) => {
    expect(readDate(text)).toEqual(date(iso, 'western'));
  });

  test('a date value holding an impossible day is broken, not read', () => {
    expect(kindOf({ kind: 'date', iso: '2026-02-30' })).toBe('invalid');
    expect(kindOf({ kind: 'date', iso: '2026-13-01' })).toBe('invalid');
    expect(kindOf({ kind: 'date', iso: '2026-10-3' })).toBe('invalid');
  });
});

describe('the whole cell is the date: text around it is not read', () => {
  test.each([
    '2026/10/3まで',
    'まで2026/10/3',
    '2026年10月3日頃',
    '約2026年10月3日',
    '12026/10/3',
    '2026/10/31日',
    'x20261003',
    '20261003x',
    '202610031',
    'R8.10.3まで',
    '頃R8.10.3',
    '令和8年10月3日まで',
    '2026/10/3(土)まで',
    '(土)2026/10/3',
    '10/3まで',
    '8/10/3頃',
  ])('%s is invalid', (text) => {
    expect(kindOf(text)).toBe('invalid');
  });

  test('a time of day is dropped only at the end', () => {
    expect(readDate('2026/10/3T14:30')).toEqual(date('2026-10-03', 'western'));
    expect(readDate('2026/10/3 14:30:15.250')).toEqual(date('2026-10-03', 'western'));
    expect(kindOf('14:30 2026/10/3')).toBe('invalid');
    expect(kindOf('2026/10/3 1430')).toBe('invalid');
  });

  test('up to 64 characters are read; a longer cell is not a date', () => {
    const spaced = (n: number): string => `2026${' '.repeat(n)}/10/3`;
    expect(spaced(55)).toHaveLength(64);
    expect(readDate(spaced(55))).toEqual(date('2026-10-03', 'western'));
    expect(kindOf(spaced(56))).toBe('invalid');
  });
});

describe('a weekday in brackets is checked against the date', () => {
  test.each([
    ['1970/1/1(木)', '1970-01-01'],
    ['1969/12/31(水)', '1969-12-31'],
    ['1900/1/1(月)', '1900-01-01'],
    ['1600/3/1(水)', '1600-03-01'],
    ['2000/2/29(火)', '2000-02-29'],
    ['2026/10/3(土)', '2026-10-03'],
    ['2026/10/4(日)', '2026-10-04'],
    ['2026/10/5（月曜）', '2026-10-05'],
    ['2026/10/6(火曜日)', '2026-10-06'],
    ['R8.10.7(水)', '2026-10-07'],
    ['20261008(木)', '2026-10-08'],
    ['2026年10月9日（金）', '2026-10-09'],
  ])('%s is right', (text, iso) => {
    expect(readDate(text)).toMatchObject({ kind: 'date', iso });
  });

  test.each(['2026/10/3(金)', '2026/10/4(土)', '1970/1/1(水)', '1969/12/31(木)', '2026/2/30(月)', '2026/2/29(日)', '2026/10/0(水)', '2026/10/3(月曜日))'])(
    '%s is invalid',
    (text) => {
      expect(kindOf(text)).toBe('invalid');
    },
  );
});

describe('leap years: every 4th, not every 100th, but every 400th', () => {
  test.each([
    ['2024/2/29', true],
    ['2026/2/29', false],
    ['2000/2/29', true],
    ['2400/2/29', true],
    ['1600/2/29', true],
    ['1900/2/29', false],
    ['2100/2/29', false],
    ['1000/2/29', false],
  ])('%s is a day: %s', (text, ok) => {
    expect(kindOf(text)).toBe(ok ? 'date' : 'invalid');
  });

  test('days in February', () => {
    expect([daysInMonth(2000, 2), daysInMonth(1900, 2), daysInMonth(2024, 2), daysInMonth(2026, 2), daysInMonth(2400, 2)]).toEqual([29, 28, 29, 28, 29]);
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });

  test('arithmetic across the leap day', () => {
    expect(daysBetween('2000-02-28', '2000-03-01')).toBe(2);
    expect(daysBetween('1900-02-28', '1900-03-01')).toBe(1);
    expect(daysBetween('2400-01-01', '2401-01-01')).toBe(366);
    expect(daysBetween('2100-01-01', '2101-01-01')).toBe(365);
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('1600-02-28', 1)).toBe('1600-02-29');
    expect(addDays('2000-03-01', -1)).toBe('2000-02-29');
    expect(addDays('1970-01-01', -1)).toBe('1969-12-31');
    expect(serialOf('2000-03-01')).toBe(36586);
    expect(serialOf('2400-02-29')).toBe(182682);
    expect(serialOf('1600-02-29')).toBe(-109512);
    expect(isValidIso('2100-02-29')).toBe(false);
    expect(isValidIso('2400-02-29')).toBe(true);
  });
});

describe('numbers: 8-digit dates and serials at their limits', () => {
  test.each<[number, object]>([
    [10000101, date('1000-01-01', 'compact')],
    [99991231, date('9999-12-31', 'compact')],
    [2958465, date('9999-12-31', 'serial')],
    [2958465.99, date('9999-12-31', 'serial')],
    [1, date('1899-12-31', 'serial')],
    [1.5, date('1899-12-31', 'serial')],
    [36586, date('2000-03-01', 'serial')],
  ])('%d → %j', (n, expected) => {
    expect(readDate(n)).toEqual(expected);
  });

  test.each([10000100, 99991232, 2958466, 10000229, 20261003.5, 0.5, 0, -1, -0.5, Number.NaN, Number.POSITIVE_INFINITY])('%d is not a date', (n) => {
    expect(kindOf(n)).toBe('invalid');
  });
});

describe('era boundaries in 和暦', () => {
  test.each([
    ['1868-01-01', '明治元年1月1日'],
    ['1867-12-31', '1867年12月31日'],
    ['1912-07-29', '明治45年7月29日'],
    ['1912-07-30', '大正元年7月30日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1989-01-08', '平成元年1月8日'],
    ['2019-04-30', '平成31年4月30日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2020-01-01', '令和2年1月1日'],
  ])('%s → %s', (iso, wareki) => {
    expect(toWareki(iso)).toBe(wareki);
  });

  test('an era read from a letter of either case or its ligature', () => {
    expect(readDate('h31.4.30')).toEqual(date('2019-04-30', 'wareki'));
    expect(readDate('㍻31.4.30')).toEqual(date('2019-04-30', 'wareki'));
    expect(readDate('s64.1.7')).toEqual(date('1989-01-07', 'wareki'));
    expect(readDate('㍼64.1.7')).toEqual(date('1989-01-07', 'wareki'));
    expect(readDate('t1.7.30')).toEqual(date('1912-07-30', 'wareki'));
    expect(readDate('㍽1.7.30')).toEqual(date('1912-07-30', 'wareki'));
    expect(readDate('m45.7.29')).toEqual(date('1912-07-29', 'wareki'));
    expect(readDate('㍾45.7.29')).toEqual(date('1912-07-29', 'wareki'));
    expect(kindOf('X8.10.3')).toBe('invalid');
  });
});
