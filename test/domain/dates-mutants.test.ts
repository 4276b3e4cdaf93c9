/**
 * The reasons and notes of reading a date, word for word (they reach the sidebar inside DATE_INVALID and
 * DATE_ERA_TRAP), and the edges of each rule: the serial and 8-digit ranges, leap years, the era boundaries,
 * the length limit of a date text. Expected values are worked out by hand (day counts checked against a
 * calendar: 2024-01-01 is serial 45292, 9999-12-31 is 2958465, 2026-10-03 is a Saturday).
 */
import {
  addDays,
  compareIso,
  daysBetween,
  daysInMonth,
  eraByToken,
  eraOfDate,
  ERAS,
  eraYearText,
  formatJapaneseDate,
  isValidIso,
  readDate,
  serialOf,
  toWareki,
  warekiToYear,
} from '../../src/domain/values/dates';

const invalid = (reason: string) => ({ kind: 'invalid', reason });
const date = (iso: string, notation: string, fullWidth = false) => ({ kind: 'date', iso, notation, fullWidth });
const NOT_A_DATE = invalid('年・月・日の形になっていません');

describe('readDate: values that are not text', () => {
  test.each([
    [true, invalid('チェックボックスの値（TRUE/FALSE）で、日付ではありません')],
    [false, invalid('チェックボックスの値（TRUE/FALSE）で、日付ではありません')],
    [Number.NaN, invalid('数値になっていません')],
    [Number.POSITIVE_INFINITY, invalid('数値になっていません')],
    [-1, invalid('負の数は日付ではありません')],
    [0, invalid('0は日付ではありません')],
    [0.5, invalid('数値「0.5」は日付の値（シリアル値）でも8桁の年月日でもありません')],
    [1, date('1899-12-31', 'serial')],
    [45292, date('2024-01-01', 'serial')],
    [45292.75, date('2024-01-01', 'serial')],
    [2958465, date('9999-12-31', 'serial')],
    [2958465.5, date('9999-12-31', 'serial')],
    [2958466, invalid('数値「2958466」は日付の値（シリアル値）でも8桁の年月日でもありません')],
    [10000100, invalid('数値「10000100」は日付の値（シリアル値）でも8桁の年月日でもありません')],
    [10000101, date('1000-01-01', 'compact')],
    [20261003, date('2026-10-03', 'compact')],
    [99991231, date('9999-12-31', 'compact')],
    [99991232, invalid('数値「99991232」は日付の値（シリアル値）でも8桁の年月日でもありません')],
    [20261003.5, invalid('数値「20261003.5」は日付の値（シリアル値）でも8桁の年月日でもありません')],
    [20260230, invalid('2月30日はありません')],
  ])('%p → %j', (value, expected) => {
    expect(readDate(value)).toEqual(expected);
  });

  test('a date value is taken as it is, unless it is broken', () => {
    expect(readDate({ kind: 'date', iso: '2024-02-29' })).toEqual(date('2024-02-29', 'date-value'));
    expect(readDate({ kind: 'date', iso: '2025-02-29' })).toEqual(invalid('日付の値が壊れています'));
    expect(readDate({ kind: 'date', iso: 20240229 } as never)).toEqual(invalid('日付の値が壊れています'));
  });

  test('null and text of spaces only are blank', () => {
    expect(readDate(null)).toEqual({ kind: 'blank' });
    expect(readDate(' \u3000 ')).toEqual({ kind: 'blank' });
  });
});

describe('readDate: the calendar', () => {
  test.each([
    ['2024-02-29', date('2024-02-29', 'western')],
    ['2000-02-29', date('2000-02-29', 'western')],
    ['2025-02-29', invalid('2025年はうるう年ではないので、2月29日はありません')],
    ['1900-02-29', invalid('1900年はうるう年ではないので、2月29日はありません')],
    ['2026-02-30', invalid('2月30日はありません')],
    ['2026-04-31', invalid('4月31日はありません')],
    ['2026-04-00', invalid('4月0日はありません')],
    ['2026-13-01', invalid('13月はありません')],
    ['2026-00-10', invalid('0月はありません')],
    ['0000-01-01', invalid('西暦0年はありません')],
    ['2026年10月3日', date('2026-10-03', 'western')],
    ['2026.10.3', date('2026-10-03', 'western')],
    ['20261003', date('2026-10-03', 'compact')],
  ])('%s', (text, expected) => {
    expect(readDate(text)).toEqual(expected);
  });

  test.each([
    [2024, 2, 29],
    [2100, 2, 28],
    [2000, 2, 29],
    [2026, 2, 28],
    [2026, 4, 30],
    [2026, 6, 30],
    [2026, 9, 30],
    [2026, 11, 30],
    [2026, 1, 31],
    [2026, 3, 31],
    [2026, 12, 31],
  ])('daysInMonth(%i, %i) = %i', (y, m, n) => {
    expect(daysInMonth(y, m)).toBe(n);
  });
});

describe('readDate: what surrounds a date', () => {
  test('full-width digits and separators are read and marked', () => {
    expect(readDate('２０２６-10-03')).toEqual(date('2026-10-03', 'western', true));
    expect(readDate('2026／10／3')).toEqual(date('2026-10-03', 'western', true));
    expect(readDate('2026-10-03')).toEqual(date('2026-10-03', 'western', false));
  });

  test('a time after the date is dropped', () => {
    expect(readDate('2026-10-03 10:30')).toEqual(date('2026-10-03', 'western'));
    expect(readDate('2026-10-03T10:30:15.5')).toEqual(date('2026-10-03', 'western'));
  });

  test('a weekday is checked against the date', () => {
    expect(readDate('2026-10-03(土)')).toEqual(date('2026-10-03', 'western'));
    expect(readDate('2026年10月3日（土曜日）')).toEqual(date('2026-10-03', 'western'));
    expect(readDate('2026-10-03（金）')).toEqual(invalid('2026年10月3日は土曜日です（金曜日ではありません）'));
    expect(readDate('2026-10-04(日)')).toEqual(date('2026-10-04', 'western'));
  });

  test('a date text may be at most 64 characters once trimmed', () => {
    expect(readDate(`2026${' '.repeat(54)}-10-03`)).toEqual(date('2026-10-03', 'western'));
    expect(readDate(`2026${' '.repeat(55)}-10-03`)).toEqual(NOT_A_DATE);
  });

  test('partial and unknown forms say what is missing', () => {
    expect(readDate('10/3')).toEqual(invalid('年が書かれていません'));
    expect(readDate('10月3日')).toEqual(invalid('年が書かれていません'));
    expect(readDate('26/10/3')).toEqual(invalid('年「26」が西暦か和暦か分かりません（西暦は4桁、和暦は令和8年・R8のように元号をつけてください）'));
    expect(readDate('8年10月3日')).toEqual(invalid('年「8」が西暦か和暦か分かりません（西暦は4桁、和暦は令和8年・R8のように元号をつけてください）'));
    expect(readDate('来週')).toEqual(NOT_A_DATE);
    expect(readDate('X8.10.3')).toEqual(NOT_A_DATE);
  });
});

describe('readDate: 和暦', () => {
  test('eras by name, letter and symbol', () => {
    expect(readDate('R8.10.3')).toEqual(date('2026-10-03', 'wareki'));
    expect(readDate('r8.10.3')).toEqual(date('2026-10-03', 'wareki'));
    expect(readDate('㍻元年1月8日')).toEqual(date('1989-01-08', 'wareki'));
    expect(readDate('令和元年5月1日')).toEqual(date('2019-05-01', 'wareki'));
    expect(readDate('S64.1.7')).toEqual(date('1989-01-07', 'wareki'));
  });

  test('a missing or zero year is named', () => {
    expect(readDate('令和0年1月1日')).toEqual(invalid('令和0年はありません（令和元年＝令和1年）'));
    expect(readDate('令和年5月1日')).toEqual(invalid('令和何年かが書かれていません'));
    expect(warekiToYear(ERAS[4]!, undefined)).toEqual({ reason: '令和何年かが書かれていません' });
    expect(warekiToYear(ERAS[4]!, '')).toEqual({ reason: '令和何年かが書かれていません' });
  });

  test('an impossible day is an invalid date, not an era trap', () => {
    expect(readDate('令和8年2月30日')).toEqual(invalid('2月30日はありません'));
    expect(readDate('平成31年2月29日')).toEqual(invalid('2019年はうるう年ではないので、2月29日はありません'));
  });

  test('a year past the era names the year; a day past it in the last year names the day', () => {
    expect(readDate('平成32年1月1日')).toEqual({
      ...date('2020-01-01', 'wareki'),
      trap: { kind: 'era-overflow', message: '平成32年は存在しません（平成は2019年4月30日まで）。2020年1月1日（令和2年1月1日）として読みました' },
    });
    expect(readDate('H31.5.1')).toEqual({
      ...date('2019-05-01', 'wareki'),
      trap: { kind: 'era-overflow', message: '平成31年5月1日は存在しません（平成は2019年4月30日まで）。2019年5月1日（令和元年5月1日）として読みました' },
    });
    expect(readDate('H31.4.30')).toEqual(date('2019-04-30', 'wareki'));
  });

  test('a day before the era started is noted with the era start', () => {
    expect(readDate('令和元年4月30日')).toEqual({
      ...date('2019-04-30', 'wareki'),
      trap: { kind: 'era-before-start', message: '令和は2019年5月1日からです。2019年4月30日（平成31年4月30日）として読みました' },
    });
    expect(readDate('平成元年1月7日')).toEqual({
      ...date('1989-01-07', 'wareki'),
      trap: { kind: 'era-before-start', message: '平成は1989年1月8日からです。1989年1月7日（昭和64年1月7日）として読みました' },
    });
  });
});

describe('eras', () => {
  test('each era ends the day before the next starts; 令和 has no end', () => {
    expect(ERAS.map((e) => [e.name, e.start, e.end])).toEqual([
      ['明治', '1868-01-01', '1912-07-29'],
      ['大正', '1912-07-30', '1926-12-24'],
      ['昭和', '1926-12-25', '1989-01-07'],
      ['平成', '1989-01-08', '2019-04-30'],
      ['令和', '2019-05-01', undefined],
    ]);
  });

  test('eraByToken takes a name, a symbol or a letter in either case', () => {
    expect(eraByToken('平成')?.name).toBe('平成');
    expect(eraByToken('㋿')?.name).toBe('令和');
    expect(eraByToken('s')?.name).toBe('昭和');
    expect(eraByToken('T')?.name).toBe('大正');
    expect(eraByToken('X')).toBeUndefined();
  });

  test('eraOfDate: the era a day falls in, none before 明治', () => {
    expect(eraOfDate('1867-12-31')).toBeUndefined();
    expect(eraOfDate('1868-01-01')?.name).toBe('明治');
    expect(eraOfDate('2019-04-30')?.name).toBe('平成');
    expect(eraOfDate('2019-05-01')?.name).toBe('令和');
  });

  test('eraYearText writes the first year as 元年', () => {
    expect(eraYearText(ERAS[4]!, 2019)).toBe('令和元年');
    expect(eraYearText(ERAS[4]!, 2026)).toBe('令和8年');
  });

  test('toWareki and formatJapaneseDate leave what they cannot read as it is', () => {
    expect(toWareki('2026-10-03')).toBe('令和8年10月3日');
    expect(toWareki('1800-01-01')).toBe('1800年1月1日');
    expect(toWareki('いつか')).toBe('いつか');
    expect(formatJapaneseDate('2026-10-03')).toBe('2026年10月3日');
    expect(formatJapaneseDate('2026-02-30')).toBe('2026-02-30');
  });
});

describe('day arithmetic', () => {
  test('addDays crosses months, years and leap days, truncating fractions', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-01-01', 1.9)).toBe('2026-01-02');
    expect(addDays('2026-01-01', -1.9)).toBe('2025-12-31');
    expect(addDays('2000-02-28', 366)).toBe('2001-02-28');
  });

  test('addDays leaves an unreadable date or count alone', () => {
    expect(addDays('いつか', 1)).toBe('いつか');
    expect(addDays('2026-01-01', Number.NaN)).toBe('2026-01-01');
    expect(addDays('2026-01-01', Number.POSITIVE_INFINITY)).toBe('2026-01-01');
  });

  test('daysBetween counts days; an unreadable end gives NaN', () => {
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysBetween('2024-01-01', '2024-03-01')).toBe(60);
    expect(daysBetween('2026-03-01', '2026-01-01')).toBe(-59);
    expect(daysBetween('2026-01-01', 'x')).toBeNaN();
    expect(daysBetween('x', '2026-01-01')).toBeNaN();
  });

  test('serialOf is the sheet serial number', () => {
    expect(serialOf('2024-01-01')).toBe(45292);
    expect(serialOf('1899-12-30')).toBe(0);
    expect(serialOf('9999-12-31')).toBe(2958465);
    expect(serialOf('2024-02-30')).toBeNaN();
  });

  test('compareIso and isValidIso', () => {
    expect([compareIso('2026-01-01', '2026-01-02'), compareIso('2026-01-02', '2026-01-01'), compareIso('2026-01-01', '2026-01-01')]).toEqual([-1, 1, 0]);
    expect(isValidIso('2026-01-01')).toBe(true);
    expect(isValidIso('2026-1-1')).toBe(false);
    expect(isValidIso(20260101 as never)).toBe(false);
  });
});
